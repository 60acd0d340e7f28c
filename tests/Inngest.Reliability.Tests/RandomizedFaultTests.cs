using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace Inngest.Reliability.Tests;

/// <summary>
/// Seeded, reproducible runs against the fault server at a high fault rate: every event is
/// acknowledged or reported, none is stored twice, none travels under two seeds.
/// </summary>
public sealed class RandomizedFaultTests
{
    internal const string Key = "rel-key/with?odd#chars and spaces";
    private readonly ITestOutputHelper _output;

    public RandomizedFaultTests(ITestOutputHelper output)
    {
        _output = output;
    }

    internal static InngestClientOptions FastOptions(FaultServer server, int maxEventsPerRequest = InngestClientOptions.DefaultMaxEventsPerRequest) => new()
    {
        EventKey = Key,
        BaseUrl = server.BaseUrl.ToString(),
        EnvironmentReader = _ => null,
        MaxAttempts = 5,
        InitialRetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryJitter = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(10),
        AttemptTimeout = TimeSpan.FromMilliseconds(400),
        MaxEventsPerRequest = maxEventsPerRequest,
    };

    [Fact]
    public async Task Every_event_is_acknowledged_or_reported_and_none_is_stored_twice()
    {
        var seed = RunSettings.Seed;
        await using var server = await FaultServer.StartAsync();
        var schedule = new SeededFaultSchedule(seed, faultRate: 0.25, SeededFaultSchedule.AllFaults);
        server.Policy = schedule.Decide;
        server.LateAnswerDelay = TimeSpan.FromMilliseconds(700);
        server.RetryAfter = "1"; // capped to MaxRetryDelay (10 ms)

        using var plain = new InngestClient(FastOptions(server));
        using var chunking = new InngestClient(FastOptions(server, maxEventsPerRequest: 16));
        var calls = Workload.Plan(seed, $"r{seed}", RunSettings.RandomizedEvents, chunkedShare: 0.15);
        var ledger = new SendLedger();
        var queue = new ConcurrentQueue<PlannedCall>(calls);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var call))
            {
                await ledger.SendAsync(call.Chunked ? chunking : plain, call);
            }
        })));

        var report = ledger.Verify(server);
        report.Elapsed = watch.Elapsed;
        _output.WriteLine(report.ToString());
        _output.WriteLine(report.PerFaultTable());
        RunSettings.Publish("Randomized fault run", report, report.PerFaultTable());

        Assert.Empty(report.Violations);
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.LogicalDuplicates);
        Assert.Equal(0, report.SeedConflicts);
        Assert.Equal(0, report.BodyMismatches);
        Assert.Equal(RunSettings.RandomizedEvents, report.EventsSent);
        Assert.Equal(report.EventsSent, report.Acknowledged + report.ReportedUnacknowledged + report.ReportedNotSent);
        Assert.Contains(calls, c => c.Keys.Count == 1);
        Assert.Contains(calls, c => c.Keys.Count > 1 && !c.Chunked);
        Assert.Contains(calls, c => c.Keys.Count > 16 && c.Chunked);

        // The run exercised every fault, retried through them, and hit the reporting paths.
        foreach (var figures in report.PerFault)
        {
            Assert.True(figures.Injected > 0, $"{figures.Fault} was never injected");
            Assert.True(figures.Lost == 0 && figures.LogicalDuplicates == 0, $"{figures}");
        }

        Assert.True(report.Retries > report.Calls / 10, "too few retries: the faults did not bite");
        Assert.True(report.FailedCalls > 0, "no call failed: the reporting path was not exercised");
        Assert.True(report.UnacknowledgedButStored >= 0);
        Assert.True(report.StoredCopies > report.LogicalEventsStored, "no retry was stored twice, so no duplicate had to be collapsed");
    }

    [Fact]
    public void The_fault_schedule_is_reproducible_from_its_seed()
    {
        var a = new SeededFaultSchedule(7, 0.3, SeededFaultSchedule.AllFaults);
        var b = new SeededFaultSchedule(7, 0.3, SeededFaultSchedule.AllFaults);
        var c = new SeededFaultSchedule(8, 0.3, SeededFaultSchedule.AllFaults);
        var contexts = Enumerable.Range(0, 2000).Select(i => new FaultContext($"call-{i / 5}", "seed", i % 3, 1 + i % 5)).ToArray();
        var first = contexts.Select(a.Decide).ToArray();
        Assert.Equal(first, contexts.Select(b.Decide));
        Assert.NotEqual(first, contexts.Select(c.Decide));
        var rate = first.Count(f => f != Fault.None) / (double)first.Length;
        Assert.InRange(rate, 0.25, 0.35);
        Assert.Equal(Workload.Plan(3, "x", 500, 0.2).Select(p => p.Keys.Count), Workload.Plan(3, "x", 500, 0.2).Select(p => p.Keys.Count));
    }
}
