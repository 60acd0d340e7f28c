using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace Inngest.Reliability.Tests;

/// <summary>Tests that measure the process's thread pool run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(SerialCollection), DisableParallelization = true)]
public sealed class SerialCollection
{
}

/// <summary>One client shared by 64 concurrent senders against the fault server at a low fault rate.</summary>
[Collection(nameof(SerialCollection))]
public sealed class LoadTests
{
    private const int Senders = 64;
    private readonly ITestOutputHelper _output;

    public LoadTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Sixty_four_senders_share_one_client_without_loss_duplicates_socket_growth_or_blocking()
    {
        var seed = RunSettings.Seed + 1;
        await using var server = await FaultServer.StartAsync();
        // Kestrel's transient faults, straight to Kestrel: this run measures the client's connection pool and threads,
        // so no relay sits in between (the randomized run covers the raw faults). A 400 is a bug in the request, not a transient fault.
        var palette = SeededFaultSchedule.AllFaults.Where(f => !FaultCatalog.IsRaw(f) && f != Fault.BadRequestPartial).ToArray();
        server.Policy = new SeededFaultSchedule(seed, faultRate: 0.01, palette).Decide;
        server.LateAnswerDelay = TimeSpan.FromMilliseconds(2300);
        server.RetryAfter = "1";

        var options = RandomizedFaultTests.FastOptions(server);
        options.BaseUrl = server.KestrelBaseUrl.ToString();
        options.MaxAttempts = 8;
        options.MaxRetryDelay = TimeSpan.FromSeconds(2); // a 429's Retry-After: 1 is honoured, not a reason to give up
        options.AttemptTimeout = TimeSpan.FromSeconds(2);
        using var client = new InngestClient(options);
        var calls = Workload.Plan(seed, $"l{seed}", RunSettings.LoadEvents, chunkedShare: 0, maxBatch: 10);
        var ledger = new SendLedger();
        var queue = new ConcurrentQueue<PlannedCall>(calls);
        var started = 0;
        using var gate = new SemaphoreSlim(0);

        using var monitor = ThreadPoolMonitor.Watch();
        var watch = Stopwatch.StartNew();
        var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
        {
            Interlocked.Increment(ref started);
            await gate.WaitAsync();
            while (queue.TryDequeue(out var call))
            {
                await ledger.SendAsync(client, call);
            }
        })).ToArray();
        while (Volatile.Read(ref started) < Senders)
        {
            await Task.Delay(5);
        }

        gate.Release(Senders);
        await Task.WhenAll(senders);
        var report = ledger.Verify(server);
        report.Elapsed = watch.Elapsed;
        _output.WriteLine(report.ToString());
        var pool = $"peak concurrent requests at the server {server.PeakInFlight}, pool threads {monitor.InitialThreads} -> peak {monitor.PeakThreads}, starvation events {monitor.StarvationEvents}, blocking events {monitor.BlockingEvents}";
        _output.WriteLine(pool);
        RunSettings.Publish("Load run, 64 senders", report, pool);

        Assert.Empty(report.Violations);
        Assert.Equal(RunSettings.LoadEvents, report.EventsSent);
        Assert.Equal(report.EventsSent, report.Acknowledged); // at this fault rate, with 8 attempts, every event gets through
        Assert.Equal(0, report.FailedCalls);
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.LogicalDuplicates);
        Assert.True(report.FaultsInjected > 0);

        // Really concurrent, but no socket per request: connections stay near the number of senders
        // plus the ones that faults and abandoned attempts kill (each of those leads to a retry).
        Assert.True(report.Connections >= 16, $"only {report.Connections} connections: the senders did not overlap");
        Assert.True(server.PeakInFlight <= Senders);
        Assert.True(report.Connections <= 2 * Senders + 2 * report.Retries, $"{report.Connections} connections for {report.Requests} requests");
        Assert.True(report.Connections * 10 < report.Requests, $"{report.Connections} connections for {report.Requests} requests");

        // No sync-over-async: no pool thread blocked on a task, and the pool did not starve. A blocking
        // client would inject dozens of threads here (64 blocked senders); a machine stalled by other
        // processes can make the pool report a starvation or two, which is tolerated.
        Assert.Equal(0, monitor.BlockingEvents);
        Assert.True(monitor.StarvationEvents < 3, $"{monitor.StarvationEvents} starvation events");
        Assert.True(monitor.ThreadGrowth < Senders, $"the thread pool grew from {monitor.InitialThreads} to {monitor.PeakThreads} threads");
    }

    [Fact]
    public async Task The_monitor_detects_sync_over_async()
    {
        // Proves the starvation check above can fail: block pool threads on async work, as a
        // sync-over-async client would.
        using var monitor = ThreadPoolMonitor.Watch();
        var blockers = Enumerable.Range(0, ThreadPool.ThreadCount + 8)
            .Select(_ => Task.Run(() => Task.Delay(800).Wait()))
            .ToArray();
        await Task.WhenAll(blockers);
        Assert.True(monitor.StarvationEvents + monitor.BlockingEvents > 0,
            $"starvation events {monitor.StarvationEvents}, blocking events {monitor.BlockingEvents}, threads {monitor.InitialThreads} -> {monitor.PeakThreads}");
    }
}
