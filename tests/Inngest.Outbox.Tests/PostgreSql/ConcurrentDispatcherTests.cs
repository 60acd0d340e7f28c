using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inngest.EntityFrameworkCore;
using Inngest.Testing.Server;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Inngest.Outbox.Tests.PostgreSql;

/// <summary>
/// Four dispatchers (four hosts, each with its own client and connection pool) on one PostgreSQL outbox while the
/// application keeps enqueueing: with leases and FOR UPDATE SKIP LOCKED every row is sent exactly once (the capture
/// server answers every request, so any second copy would be a row sent twice), none is left behind, all four
/// dispatchers take part, and the rows of each transaction arrive in order.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ConcurrentDispatcherTests
{
    private const int Events = 10_000;
    private readonly PostgresCluster _cluster;
    private readonly ITestOutputHelper _output;

    public ConcurrentDispatcherTests(PostgresCluster cluster, ITestOutputHelper output)
    {
        _cluster = cluster;
        _output = output;
    }

    [Fact]
    public async Task Four_dispatchers_send_each_of_10000_events_once_and_leave_none_behind()
    {
        await using var database = await TestDatabase.PostgreSqlAsync(_cluster);
        await using var server = await CaptureServer.StartAsync();
        var random = new Random(14);
        server.Responder = _ => new ScriptedResponse(200) { Acknowledge = true, Delay = TimeSpan.FromMilliseconds(Random.Shared.Next(0, 15)) };
        var harnesses = Enumerable.Range(0, 4)
            .Select(k => OutboxHarness.Create(database, server.BaseUrl, o => o.BatchSize = 50, c => c.Env = $"dispatcher-{k}"))
            .ToList();
        var started = DateTime.UtcNow;
        foreach (var harness in harnesses)
        {
            await harness.Hosted.StartAsync(CancellationToken.None);
        }

        // The application: transactions of 1 to 20 events, 10,000 in all, enqueued while the dispatchers run.
        var transactions = new List<int>();
        for (var enqueued = 0; enqueued < Events;)
        {
            var size = Math.Min(random.Next(1, 21), Events - enqueued);
            await using var db = database.NewContext();
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var j = 0; j < size; j++)
            {
                db.Inngest().EnqueueOrderPlaced(new OrderPlaced($"t{transactions.Count}", j, []));
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            transactions.Add(size);
            enqueued += size;
        }

        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (ReceivedEvents.Of(server).Count < Events && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        foreach (var harness in harnesses)
        {
            await harness.Hosted.StopAsync(CancellationToken.None);
        }

        var elapsed = DateTime.UtcNow - started;
        var requests = server.Requests;
        var received = requests.SelectMany(r => r.BodyJson.EnumerateArray().Select(e => (Env: r.Header("x-inngest-env"), Event: e))).ToList();
        var perDispatcher = received.GroupBy(r => r.Env).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}").ToList();
        _output.WriteLine($"{Events} events in {transactions.Count} transactions, {requests.Count} requests, {elapsed.TotalSeconds:F1} s; {string.Join(", ", perDispatcher)}");

        Assert.Equal(Events, received.Count);
        Assert.Equal(Events, received.Select(r => r.Event.Id()).Distinct().Count());
        Assert.Equal(4, perDispatcher.Count);
        await using (var db = database.NewContext())
        {
            Assert.Equal(0, await db.Set<InngestOutboxMessage>().CountAsync());
        }

        // Arrival order (requests in the order the server recorded them) keeps each transaction's order.
        foreach (var group in received.Select(r => r.Event).GroupBy(e => e.Data("orderId")))
        {
            Assert.Equal(Enumerable.Range(0, group.Count()).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), group.Select(e => e.Data("total")));
        }

        foreach (var harness in harnesses)
        {
            await harness.DisposeAsync();
        }
    }
}
