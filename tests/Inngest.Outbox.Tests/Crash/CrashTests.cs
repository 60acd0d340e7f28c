using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Testing.Server;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Inngest.Outbox.Tests.Crash;

/// <summary>
/// A child process saves orders and enqueues their events in transactions (about 70% committed, the rest rolled back)
/// while its dispatcher sends them to the capture server, and is killed with SIGKILL: before a commit, after a commit
/// and before any dispatch, in the middle of a request, after Inngest acknowledged and before the rows were marked
/// sent, and at random moments. After a restart drains the outbox, the capture server must have every event of every
/// committed order (the orders table is the truth), none of an order that is not there, and every event received more
/// than once must have carried the same id each time.
/// </summary>
public abstract class CrashTests
{
    private static readonly string[] KillPoints = ["saved", "committed", "mid-request", "acked", "random"];
    private readonly ITestOutputHelper _output;

    protected CrashTests(ITestOutputHelper output)
    {
        _output = output;
    }

    protected abstract string Provider { get; }

    protected abstract Task<TestDatabase> NewDatabaseAsync();

    protected abstract string ConnectionString(TestDatabase database);

    [Fact]
    public async Task Killed_at_any_point_the_outbox_loses_nothing_invents_nothing_and_resends_only_under_the_same_id()
    {
        var full = Environment.GetEnvironmentVariable("INNGEST_OUTBOX_CRASH_FULL") == "1";
        var runs = full ? 20 : 3;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("INNGEST_OUTBOX_CRASH_SEED"), out var s) ? s : 20261201;
        var random = new Random(seed);
        var kills = new Dictionary<string, int>();
        var totals = new CrashTally();
        var rolledBack = 0;

        for (var run = 0; run < runs; run++)
        {
            await using var database = await NewDatabaseAsync();
            await using var server = await CaptureServer.StartAsync();
            ChildProcess? current = null;
            var holdNext = 0;
            server.Responder = _ =>
            {
                // mid-request: the first request after the arming is held and the child is killed while it waits.
                if (Interlocked.Exchange(ref holdNext, 0) == 1)
                {
                    current?.Kill();
                    return new ScriptedResponse(200) { Acknowledge = true, Delay = TimeSpan.FromMilliseconds(300) };
                }

                return null;
            };

            // Every point once per run, in a shuffled order, then a drain.
            foreach (var point in KillPoints.OrderBy(_ => random.Next()))
            {
                var incarnation = $"r{run}{point[0]}{random.Next(1000):D3}";
                var pauseAt = point is "saved" or "committed" or "acked" ? point : "none";
                var markers = 0;
                var target = random.Next(2, 7);
                bool KillWhen(string line)
                {
                    switch (point)
                    {
                        case "saved":
                            return line.StartsWith("MARK saved", StringComparison.Ordinal) && Interlocked.Increment(ref markers) == target;
                        case "committed":
                            return line.StartsWith("MARK committed", StringComparison.Ordinal) && Interlocked.Increment(ref markers) == target;
                        case "acked":
                            return line.StartsWith("MARK acked", StringComparison.Ordinal) && Interlocked.Increment(ref markers) == target;
                        case "mid-request":
                            if (line.StartsWith("MARK committed", StringComparison.Ordinal) && Interlocked.Increment(ref markers) == target)
                            {
                                Volatile.Write(ref holdNext, 1); // the server kills the child when the next request arrives
                            }

                            return false;
                        default:
                            return false;
                    }
                }

                var killAfter = TimeSpan.FromMilliseconds(random.Next(300, 2500));
                using var child = ChildProcess.Start(
                    KillWhen,
                    "work", Provider, ConnectionString(database), server.BaseUrl.ToString(), incarnation, random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture), pauseAt);
                current = child;
                if (point == "random")
                {
                    _ = Task.Delay(killAfter).ContinueWith(_ => child.Kill(), TaskScheduler.Default);
                }

                var code = await child.WaitAsync(TimeSpan.FromSeconds(60));
                Assert.True(child.WasKilled, $"the child ended by itself ({code}) at point {point}: {child.Errors}");
                kills[point] = kills.GetValueOrDefault(point) + 1;
                rolledBack += child.Lines.Count(l => l.StartsWith("MARK rolledback", StringComparison.Ordinal));
            }

            using (var drain = ChildProcess.Start(_ => false, "drain", Provider, ConnectionString(database), server.BaseUrl.ToString(), $"r{run}drain", "1", "none"))
            {
                Assert.Equal(0, await drain.WaitAsync(TimeSpan.FromSeconds(90)));
            }

            var tally = await VerifyAsync(database, server);
            totals.Add(tally);
            _output.WriteLine($"run {run}: {tally}");
        }

        var killText = string.Join(", ", KillPoints.Select(p => $"{p} {kills.GetValueOrDefault(p)}"));
        var report = $"{Provider}: seed {seed}, {runs} runs, {kills.Values.Sum()} kills ({killText}); rolled back transactions {rolledBack}; {totals}";
        _output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("INNGEST_OUTBOX_REPORT") is { Length: > 0 } path)
        {
            await File.AppendAllTextAsync(path, report + Environment.NewLine);
        }

        Assert.Equal(0, totals.Lost);
        Assert.Equal(0, totals.Invented);
        Assert.Equal(0, totals.IdConflicts);
        Assert.True(totals.Committed > 0 && rolledBack > 0, "the runs committed and rolled back transactions");
        Assert.True(totals.Duplicated > 0, "some kill fell between an acknowledgement and the rows being marked sent, so some events were resent");
    }

    private static async Task<CrashTally> VerifyAsync(TestDatabase database, CaptureServer server)
    {
        await using var db = database.NewContext();
        var orders = await db.Orders.ToDictionaryAsync(o => o.Id, o => (int)o.Total);
        var pendingRows = await db.Set<Inngest.EntityFrameworkCore.InngestOutboxMessage>().CountAsync();
        var copies = new Dictionary<(string Order, string Index), List<string>>();
        var saved = new HashSet<string>();
        foreach (var evt in ReceivedEvents.Of(server))
        {
            var key = (evt.Data("orderId"), evt.Data("total"));
            if (!copies.TryGetValue(key, out var ids))
            {
                copies[key] = ids = [];
            }

            ids.Add(evt.Id());
        }

        var expected = orders.SelectMany(o => Enumerable.Range(0, o.Value).Select(j => (o.Key, j.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToHashSet();
        var idOwners = copies.SelectMany(c => c.Value.Distinct().Select(id => (id, c.Key))).GroupBy(x => x.id).Count(g => g.Count() > 1);
        return new CrashTally
        {
            Committed = orders.Count,
            Events = expected.Count,
            Received = copies.Values.Sum(v => v.Count),
            Lost = expected.Count(k => !copies.ContainsKey(k)) + pendingRows,
            Invented = copies.Keys.Count(k => !expected.Contains(k)),
            Duplicated = copies.Values.Count(v => v.Count > 1),
            IdConflicts = copies.Values.Count(v => v.Distinct().Count() > 1) + idOwners,
        };
    }
}

internal sealed class CrashTally
{
    public int Committed { get; set; }

    public int Events { get; set; }

    public int Received { get; set; }

    public int Lost { get; set; }

    public int Invented { get; set; }

    public int Duplicated { get; set; }

    public int IdConflicts { get; set; }

    public void Add(CrashTally other)
    {
        Committed += other.Committed;
        Events += other.Events;
        Received += other.Received;
        Lost += other.Lost;
        Invented += other.Invented;
        Duplicated += other.Duplicated;
        IdConflicts += other.IdConflicts;
    }

    public override string ToString()
        => $"committed orders {Committed}, events {Events}, received {Received}, lost {Lost}, invented {Invented}, received twice or more {Duplicated} (id conflicts {IdConflicts})";
}

public sealed class SqliteCrashTests : CrashTests
{
    public SqliteCrashTests(ITestOutputHelper output)
        : base(output)
    {
    }

    protected override string Provider => "sqlite";

    protected override Task<TestDatabase> NewDatabaseAsync() => TestDatabase.SqliteAsync();

    protected override string ConnectionString(TestDatabase database) => database.Description;
}

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlCrashTests : CrashTests
{
    private readonly PostgresCluster _cluster;

    public PostgreSqlCrashTests(PostgresCluster cluster, ITestOutputHelper output)
        : base(output)
    {
        _cluster = cluster;
    }

    protected override string Provider => "postgres";

    protected override Task<TestDatabase> NewDatabaseAsync() => TestDatabase.PostgreSqlAsync(_cluster);

    protected override string ConnectionString(TestDatabase database) => database.Description;
}
