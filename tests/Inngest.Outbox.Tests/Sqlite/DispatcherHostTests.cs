using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inngest.EntityFrameworkCore;
using Inngest.Testing.Server;
using Microsoft.EntityFrameworkCore;

namespace Inngest.Outbox.Tests.Sqlite;

/// <summary>The dispatcher as a hosted service on SQLite: its loop, its graceful shutdown and its metrics.</summary>
public sealed class DispatcherHostTests
{
    [Fact]
    public async Task The_hosted_dispatcher_sends_what_is_committed_while_it_runs()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var server = await CaptureServer.StartAsync();
        await using var outbox = OutboxHarness.Create(database, server.BaseUrl);
        await outbox.Hosted.StartAsync(CancellationToken.None);
        for (var i = 0; i < 20; i++)
        {
            await Orders.PlaceAsync(database, $"o{i}");
        }

        await WaitUntilAsync(() => ReceivedEvents.Of(server).Count == 20);
        await outbox.Hosted.StopAsync(CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"o{i}"), ReceivedEvents.Of(server).Select(e => e.Data("orderId")));
    }

    [Fact]
    public async Task Shutdown_finishes_and_records_the_batch_in_flight()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var server = await CaptureServer.StartAsync();
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Received += _ => inFlight.TrySetResult();
        server.Responder = _ => new ScriptedResponse(200) { Acknowledge = true, Delay = TimeSpan.FromSeconds(1.5) };
        await using var outbox = OutboxHarness.Create(database, server.BaseUrl);
        for (var i = 0; i < 3; i++)
        {
            await Orders.PlaceAsync(database, $"o{i}");
        }

        await outbox.Hosted.StartAsync(CancellationToken.None);
        await inFlight.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var stopping = DateTime.UtcNow;
        await outbox.Hosted.StopAsync(CancellationToken.None);

        Assert.True(DateTime.UtcNow - stopping > TimeSpan.FromSeconds(1), "StopAsync waited for the answer");
        Assert.Single(server.Requests);
        await using var db = database.NewContext();
        Assert.Empty(await db.Inngest().Messages().ToListAsync()); // recorded as sent (deleted) before the stop returned
    }

    [Fact]
    public async Task Metrics_show_pending_and_parked_rows_the_oldest_pending_age_and_what_was_sent()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var server = await CaptureServer.StartAsync();
        var measurements = new ConcurrentDictionary<string, double>();
        server.Responder = r => r.BodyText.Contains("poison", StringComparison.Ordinal) ? ScriptedResponse.Json(400, """{"error":"bad"}""") : null;
        await using var outbox = OutboxHarness.Create(database, server.BaseUrl, o => o.StatisticsInterval = TimeSpan.FromMilliseconds(1));
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Inngest.Typed.Outbox" && instrument.Meter == outbox.Dispatcher.Metrics.Meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        listener.Start();

        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (tags.ToArray().Any(t => t.Key == "inngest.outbox.context" && (string?)t.Value == nameof(ShopContext)))
            {
                measurements.AddOrUpdate(instrument.Name, value, (_, old) => instrument is ObservableInstrument<long> or ObservableInstrument<double> ? value : old + value);
            }
        }

        await Orders.PlaceAsync(database, "good-1");
        await Orders.PlaceAsync(database, "poison");
        await Orders.PlaceAsync(database, "good-2");
        await outbox.DrainAsync();
        await Task.Delay(5);
        await outbox.Dispatcher.DispatchBatchAsync(); // a statistics refresh after the drain
        listener.RecordObservableInstruments();

        Assert.Equal(2, measurements["inngest.outbox.sent"]);
        Assert.Equal(1, measurements["inngest.outbox.parked"]);
        Assert.Equal(0, measurements["inngest.outbox.pending_rows"]);
        Assert.Equal(1, measurements["inngest.outbox.parked_rows"]);
        Assert.Equal(0, measurements["inngest.outbox.oldest_pending_age"]);

        server.Responder = _ => ScriptedResponse.Json(503, """{"error":"down"}""");
        await Orders.PlaceAsync(database, "waiting");
        await Task.Delay(1100);
        await outbox.Dispatcher.DispatchBatchAsync();
        listener.RecordObservableInstruments();
        Assert.Equal(1, measurements["inngest.outbox.pending_rows"]);
        Assert.True(measurements["inngest.outbox.oldest_pending_age"] >= 1, $"age {measurements["inngest.outbox.oldest_pending_age"]}");
        Assert.Equal(1, measurements["inngest.outbox.retried"]);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}
