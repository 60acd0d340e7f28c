using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Inngest.EntityFrameworkCore;
using Inngest.Encryption;
using Inngest.Testing.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Inngest.Outbox.Tests;

/// <summary>
/// The outbox's behaviour on a real database (SQLite and PostgreSQL run every test here), sending to the capture
/// server, a real Kestrel on 127.0.0.1.
/// </summary>
public abstract class OutboxBehaviourTests
{
    protected abstract Task<TestDatabase> NewDatabaseAsync();

    [Fact]
    public async Task Committed_changes_send_their_events_and_rolled_back_ones_never_do()
    {
        await using var database = await NewDatabaseAsync();
        await using var server = await CaptureServer.StartAsync();
        await using var outbox = OutboxHarness.Create(database, server.BaseUrl);

        await using (var db = database.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Orders.Add(new Order { Id = "rolled-back" });
            db.Inngest().EnqueueOrderPlaced(Orders.Placed("rolled-back"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await using (var db = database.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Orders.Add(new Order { Id = "committed" });
            db.Inngest().EnqueueOrderPlaced(Orders.Placed("committed"));
            await db.SaveChangesAsync();
            db.Inngest().EnqueueOrderCancelled(new OrderCancelled("committed", "second save, same transaction"));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await Orders.PlaceAsync(database, "implicit-transaction");
        await outbox.DrainAsync();

        var received = ReceivedEvents.Of(server);
        Assert.Equal(
            ["committed/shop/order.placed", "committed/shop/order.cancelled", "implicit-transaction/shop/order.placed"],
            received.Select(e => e.Data("orderId") + "/" + e.Name()));
        await using var check = database.NewContext();
        Assert.Empty(await check.Inngest().Messages().ToListAsync());
        Assert.Equal(["committed", "implicit-transaction"], (await check.Orders.Select(o => o.Id).ToListAsync()).Order());
    }

    [Fact]
    public async Task A_failed_SaveChanges_stores_neither_the_entity_nor_its_event()
    {
        await using var database = await NewDatabaseAsync();
        await using var server = await CaptureServer.StartAsync();
        await using var outbox = OutboxHarness.Create(database, server.BaseUrl);
        await Orders.PlaceAsync(database, "order-1");

        await using (var db = database.NewContext())
        {
            db.Orders.Add(new Order { Id = "order-1" }); // the same key again: the save fails
            db.Inngest().EnqueueOrderPlaced(Orders.Placed("order-1-again"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await outbox.DrainAsync();
        Assert.Equal(["order-1"], ReceivedEvents.Of(server).Select(e => e.Data("orderId")));
    }

    [Fact]
    public async Task The_typed_enqueue_sends_exactly_what_the_typed_send_sends()
    {
        await using var database = await NewDatabaseAsync();
        await using var server = await CaptureServer.StartAsync();
        await using var outbox = OutboxHarness.Create(database, server.BaseUrl);
        var placed = new OrderPlaced("ord-ü-42", 1234.5m, ["a", "b\"quoted\""]);
        var user = new InngestUser { ExternalId = "cust-1", Email = "taylor@example.com", Attributes = new() { ["plan"] = "pro" } };
        var at = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

        await outbox.Client.SendOrderPlacedAsync(placed, user, id: "direct-1", timestamp: at);
        await using (var db = database.NewContext())
        {
            var row = db.Inngest().EnqueueOrderPlaced(placed, user, id: "direct-1", timestamp: at);
            Assert.Equal("direct-1", row.EventId);
            await db.SaveChangesAsync();
        }

        await outbox.DrainAsync();
        var bodies = server.Requests.Select(r => r.BodyText).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.Equal(bodies[0], bodies[1]);
        Assert.Contains("\"v\":\"2026-12-01.1\"", bodies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_of_one_transaction_go_out_in_order_across_batches()
    {
        await using var database = await NewDatabaseAsync();
        await using var server = await CaptureServer.StartAsync();
        await using var outbox = OutboxHarness.Create(database, server.BaseUrl, o => o.BatchSize = 7);
        await using (var db = database.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = 0; i < 40; i++)
            {
                db.Inngest().EnqueueOrderPlaced(Orders.Placed($"o{i:D2}"));
                if (i % 9 == 0)
                {
                    await db.SaveChangesAsync();
                }
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await outbox.DrainAsync();
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"o{i:D2}"), ReceivedEvents.Of(server).Select(e => e.Data("orderId")));
        Assert.All(server.Requests, r => Assert.True(r.EventCount <= 7));
    }

    [Fact]
    public async Task A_resend_after_a_lost_answer_carries_the_same_ids()
    {
        await using var database = await NewDatabaseAsync();
        await using var server = await CaptureServer.StartAsync();
        await using var outbox = OutboxHarness.Create(database, server.BaseUrl);
        var mine = await Orders.PlaceAsync(database, "a", eventId: "my-idempotency-id");
        var derived = await Orders.PlaceAsync(database, "b");
        Assert.Equal("outbox-" + derived.Id, derived.EventId);

        server.Enqueue(new ScriptedResponse(200) { Abort = true }); // received, then the connection drops: no answer
        Assert.Equal(2, await outbox.Dispatcher.DispatchBatchAsync());
        await using (var db = database.NewContext())
        {
            var rows = await db.Inngest().Messages().ToListAsync();
            Assert.All(rows, r => Assert.Equal((InngestOutboxStatus.Pending, 1), (r.Status, r.Attempts)));
        }

        await Task.Delay(300); // past the backoff
        await outbox.DrainAsync();
        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].BodyText, requests[1].BodyText);
        Assert.Equal(["my-idempotency-id", derived.EventId], requests[1].BodyJson.EnumerateArray().Select(e => e.Id()));
    }

    [Fact]
    public async Task A_batch_rejected_as_a_whole_parks_only_the_rejected_event()
    {
        await using var database = await NewDatabaseAsync();
        await using var server = await CaptureServer.StartAsync();
        server.Responder = r => r.BodyText.Contains("poison", StringComparison.Ordinal)
            ? ScriptedResponse.Json(400, """{"ids":[""],"status":400,"error":"event data is invalid"}""")
            : null;
        await using var outbox = OutboxHarness.Create(database, server.BaseUrl);
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add((await Orders.PlaceAsync(database, i == 6 ? "poison" : $"good-{i}")).Id);
        }

        await outbox.DrainAsync();

        var delivered = server.Requests.Where(r => r.BodyText.Contains("good", StringComparison.Ordinal) && !r.BodyText.Contains("poison", StringComparison.Ordinal))
            .SelectMany(r => r.BodyJson.EnumerateArray()).Select(e => e.Data("orderId")).ToList();
        Assert.Equal(Enumerable.Range(0, 10).Where(i => i != 6).Select(i => $"good-{i}"), delivered);
        await using var db = database.NewContext();
        var parked = Assert.Single(await db.Inngest().GetParkedAsync());
        Assert.Equal(ids[6], parked.Id);
        Assert.Equal(400, parked.LastStatusCode);
        Assert.Equal(1, parked.Attempts);
        Assert.Contains("event data is invalid", parked.LastError, StringComparison.Ordinal);
        var statistics = await db.Inngest().GetStatisticsAsync();
        Assert.Equal((0L, 1L), (statistics.Pending, statistics.Parked));
        Assert.True(server.Requests.Count <= 1 + 2 * 4, $"the culprit search made {server.Requests.Count} requests");
    }

    [Fact]
    public async Task A_parked_row_requeued_after_the_fix_is_sent_with_its_id()
    {
        await using var database = await NewDatabaseAsync();
        await using var server = await CaptureServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json(422, """{"error":"schema mismatch"}"""));
        await using var outbox = OutboxHarness.Create(database, server.BaseUrl);
        var row = await Orders.PlaceAsync(database, "o1");
        await outbox.DrainAsync();

        await using var db = database.NewContext();
        Assert.Equal(1, (await db.Inngest().GetStatisticsAsync()).Parked);
        Assert.Equal(1, await db.Inngest().RequeueParkedAsync([row.Id]));
        await outbox.DrainAsync();
        Assert.Equal([row.EventId, row.EventId], ReceivedEvents.Of(server).Select(e => e.Id()));
        Assert.Empty(await db.Inngest().Messages().ToListAsync());
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Configuration_and_transient_failures_back_off_and_never_park(int status)
    {
        await using var database = await NewDatabaseAsync();
        await using var server = await CaptureServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json(status, """{"error":"nope"}"""), ScriptedResponse.Json(status, """{"error":"nope"}"""));
        await using var outbox = OutboxHarness.Create(database, server.BaseUrl, o =>
        {
            o.RetryInitialDelay = TimeSpan.FromMilliseconds(500);
            o.RetryMaxDelay = TimeSpan.FromSeconds(1);
        });
        await Orders.PlaceAsync(database, "o1");
        await Orders.PlaceAsync(database, "o2");

        Assert.Equal(2, await outbox.Dispatcher.DispatchBatchAsync());
        Assert.Equal(0, await outbox.Dispatcher.DispatchBatchAsync()); // backing off: not due yet
        await using (var db = database.NewContext())
        {
            Assert.All(await db.Inngest().Messages().ToListAsync(), r =>
            {
                Assert.Equal(InngestOutboxStatus.Pending, r.Status);
                Assert.Equal(status, r.LastStatusCode);
                Assert.DoesNotContain("outbox-test-key", r.LastError, StringComparison.Ordinal);
            });
        }

        for (var i = 0; i < 50 && ReceivedEvents.Of(server).Count < 6; i++)
        {
            await Task.Delay(100);
            await outbox.DrainAsync();
        }

        Assert.Equal(["o1", "o2", "o1", "o2", "o1", "o2"], ReceivedEvents.Of(server).Select(e => e.Data("orderId")));
        await using var after = database.NewContext();
        Assert.Empty(await after.Inngest().Messages().ToListAsync());
    }

    [Fact]
    public async Task An_event_the_client_refuses_to_send_is_parked_without_a_request_and_the_rest_go_out()
    {
        await using var database = await NewDatabaseAsync();
        await using var server = await CaptureServer.StartAsync();
        await using var outbox = OutboxHarness.Create(database, server.BaseUrl, client: c => c.MaxEventBytes = 4096);
        await Orders.PlaceAsync(database, "small-1");
        await using (var db = database.NewContext())
        {
            db.Inngest().EnqueueOrderPlaced(new OrderPlaced("huge", 1m, [new string('x', 10_000)]));
            await db.SaveChangesAsync();
        }

        await Orders.PlaceAsync(database, "small-2");
        await outbox.DrainAsync();

        Assert.Equal(["small-1", "small-2"], ReceivedEvents.Of(server).Select(e => e.Data("orderId")));
        Assert.Single(server.Requests);
        await using var check = database.NewContext();
        var parked = Assert.Single(await check.Inngest().GetParkedAsync());
        Assert.Null(parked.LastStatusCode);
        Assert.Contains("MaxEventBytes", parked.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_encrypted_member_is_never_dispatched_in_plaintext_and_goes_out_encrypted_once_configured()
    {
        await using var database = await NewDatabaseAsync();
        await using var server = await CaptureServer.StartAsync();
        InngestOutboxMessage row;
        await using (var db = database.NewContext())
        {
            row = db.Inngest().EnqueueCustomerRegistered(new CustomerRegistered("c1", new CustomerContact("ada@example.com", "+41 44 000 00 00")));
            await db.SaveChangesAsync();
        }

        // A dispatcher whose client has no encryption sends nothing; the row stays pending, with the reason, as for a
        // missing event key (a configuration to fix, not a bad event).
        await using (var plain = OutboxHarness.Create(database, server.BaseUrl))
        {
            await plain.DrainAsync();
        }

        Assert.Empty(server.Requests);
        await using var check = database.NewContext();
        var statistics = await check.Inngest().GetStatisticsAsync();
        Assert.Equal((1L, 0L), (statistics.Pending, statistics.Parked));
        var pending = Assert.Single(await check.Inngest().Messages().ToListAsync());
        Assert.Contains("[InngestEncrypted]", pending.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("ada@example.com", pending.LastError, StringComparison.Ordinal);

        // Once the dispatcher's client encrypts, the row goes out with its id and the member encrypted.
        var encryption = new InngestEncryptionOptions { Key = "outbox-key-1" };
        await using (var encrypting = OutboxHarness.Create(database, server.BaseUrl, configure: o => o.TimeProvider = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(1)), client: c => c.AddEncryption(encryption)))
        {
            await encrypting.DrainAsync();
        }

        var sent = Assert.Single(ReceivedEvents.Of(server));
        Assert.Equal(row.EventId, sent.Id());
        Assert.DoesNotContain("ada@example.com", sent.GetRawText(), StringComparison.Ordinal);
        var parsed = InngestEvent.Parse<CustomerRegistered>(sent, new InngestParseOptions().AddDecryption(encryption));
        Assert.Equal("ada@example.com", parsed.Data.Encrypted.Email);
        Assert.Equal("c1", parsed.Data.CustomerId);
    }

    [Fact]
    public async Task Sent_rows_are_deleted_at_once_by_default_and_kept_for_the_retention_when_asked()
    {
        await using var database = await NewDatabaseAsync();
        await using var server = await CaptureServer.StartAsync();
        // The dispatcher's clock, a minute ahead of the real one the rows are enqueued with, so they are due.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1));
        await using var outbox = OutboxHarness.Create(database, server.BaseUrl, o =>
        {
            o.SentRetention = TimeSpan.FromHours(1);
            o.StatisticsInterval = TimeSpan.FromMinutes(1);
            o.TimeProvider = clock;
        });
        await Orders.PlaceAsync(database, "kept");
        await outbox.DrainAsync();
        await using (var db = database.NewContext())
        {
            var row = Assert.Single(await db.Inngest().Messages().ToListAsync());
            Assert.Equal(InngestOutboxStatus.Sent, row.Status);
            Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), row.SentAt);
            Assert.Equal(1, (await db.Inngest().GetStatisticsAsync()).Sent);
        }

        clock.Advance(TimeSpan.FromMinutes(59));
        await outbox.Dispatcher.DispatchBatchAsync();
        await using (var db = database.NewContext())
        {
            Assert.Single(await db.Inngest().Messages().ToListAsync());
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        await outbox.Dispatcher.DispatchBatchAsync();
        await using (var db = database.NewContext())
        {
            Assert.Empty(await db.Inngest().Messages().ToListAsync());
        }

        await using var deleting = OutboxHarness.Create(database, server.BaseUrl);
        await Orders.PlaceAsync(database, "deleted");
        await deleting.DrainAsync();
        await using var after = database.NewContext();
        Assert.Empty(await after.Inngest().Messages().ToListAsync());
        Assert.Equal(2, ReceivedEvents.Of(server).Count);
    }

    [Fact]
    public async Task A_malformed_answer_is_retried_with_the_same_body()
    {
        await using var database = await NewDatabaseAsync();
        var requests = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var server = RawHttpServer.Start(async exchange =>
        {
            var body = Encoding.UTF8.GetString(await exchange.ReadBodyAsync());
            requests.Enqueue(body);
            var answer = requests.Count == 1
                ? RawHttpAnswers.Full(200, "OK", "application/json", "{\"ids\":[\"truncat")
                : RawHttpAnswers.InngestServer(200, """{"ids":["01JAAAAAAAAAAAAAAAAAAAAAAA"],"status":200}""");
            await exchange.Connection.WriteAsync(answer);
        });
        await using var outbox = OutboxHarness.Create(database, server.BaseUrl);
        await Orders.PlaceAsync(database, "o1");

        await outbox.Dispatcher.DispatchBatchAsync();
        await Task.Delay(300);
        await outbox.DrainAsync();

        Assert.Equal(2, requests.Count);
        Assert.Single(requests.Distinct());
        await using var db = database.NewContext();
        Assert.Empty(await db.Inngest().Messages().ToListAsync());
    }
}

public sealed class SqliteOutboxTests : OutboxBehaviourTests
{
    protected override Task<TestDatabase> NewDatabaseAsync() => TestDatabase.SqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlOutboxTests : OutboxBehaviourTests
{
    private readonly PostgresCluster _cluster;

    public PostgreSqlOutboxTests(PostgresCluster cluster)
    {
        _cluster = cluster;
    }

    protected override Task<TestDatabase> NewDatabaseAsync() => TestDatabase.PostgreSqlAsync(_cluster);
}
