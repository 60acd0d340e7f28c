using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Runtime.Tests;

/// <summary>Spans, metrics and the listener hook. Not parallel with other classes: listeners are process-wide.</summary>
[Collection(nameof(TelemetryTests))]
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryTests : IAsyncLifetime
{
    private CaptureServer _server = null!;

    public async Task InitializeAsync() => _server = await CaptureServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private sealed class RecordingListener : InngestSendListener
    {
        public List<string> Steps { get; } = new();

        public override void SendStarting(IReadOnlyList<InngestEvent> events, int requests) => Steps.Add($"starting {events.Count} in {requests}");

        public override void Retrying(IReadOnlyList<InngestEvent> events, int failedAttempt, int? statusCode, string? reason, TimeSpan delay)
            => Steps.Add($"retrying after attempt {failedAttempt}: {statusCode} {reason}");

        public override void SendSucceeded(IReadOnlyList<InngestEvent> events, int attempts, TimeSpan elapsed) => Steps.Add($"succeeded in {attempts}");

        public override void SendFailed(IReadOnlyList<InngestEvent> events, Exception exception, TimeSpan elapsed) => Steps.Add($"failed: {exception.GetType().Name}");
    }

    /// <summary>A clock whose every timestamp read is one second after the one before.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private long _ticks;

        public int Reads { get; private set; }

        public override long GetTimestamp()
        {
            Reads++;
            return _ticks += TimestampFrequency;
        }
    }

    private sealed class ElapsedListener : InngestSendListener
    {
        public List<TimeSpan> Elapsed { get; } = new();

        public override void SendSucceeded(IReadOnlyList<InngestEvent> events, int attempts, TimeSpan elapsed) => Elapsed.Add(elapsed);

        public override void SendFailed(IReadOnlyList<InngestEvent> events, Exception exception, TimeSpan elapsed) => Elapsed.Add(elapsed);
    }

    [Fact]
    public async Task A_listener_gets_the_call_s_duration_on_the_client_s_clock()
    {
        // The scope reads the clock only for an observer of the duration; a listener is one.
        var clock = new SteppingClock();
        var listener = new ElapsedListener();
        var options = Wire.Options(_server);
        options.Listener = listener;
        options.TimeProvider = clock;
        using var client = new InngestClient(options);

        await client.SendAsync(Wire.Account());
        _server.Responder = _ => ScriptedResponse.Empty(401);
        await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Wire.Account()));

        Assert.Equal(2, listener.Elapsed.Count);
        Assert.All(listener.Elapsed, e => Assert.Equal(TimeSpan.FromSeconds(1), e));
        Assert.Equal(4, clock.Reads);
    }

    private static ActivityListener ListenToSpans(ConcurrentQueue<Activity> stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == InngestTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    [Fact]
    public async Task The_listener_sees_start_retries_and_the_end()
    {
        _server.Enqueue(ScriptedResponse.Json(503, """{"error":"busy"}"""));
        var listener = new RecordingListener();
        var options = Wire.Options(_server);
        options.Listener = listener;
        using var client = new InngestClient(options);

        await client.SendAsync(Wire.Account());
        _server.Responder = _ => ScriptedResponse.Empty(401);
        await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Wire.Account()));
        await Assert.ThrowsAsync<InngestEventValidationException>(() => client.SendAsync(Wire.Json("", "{}")));

        Assert.Equal(
            new[] { "starting 1 in 1", "retrying after attempt 1: 503 busy", "succeeded in 2", "starting 1 in 1", "failed: InngestSendException", "failed: InngestEventValidationException" },
            listener.Steps);
    }

    [Fact]
    public async Task Each_send_is_one_producer_span_whose_context_reaches_the_server()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var activityListener = ListenToSpans(stopped);
        _server.Enqueue(ScriptedResponse.Empty(500));
        using var client = new InngestClient(Wire.Options(_server));

        await client.SendAsync(new[] { Wire.Account(), Wire.Json("app/other", "{}"), Wire.Account() });

        var span = Assert.Single(stopped);
        Assert.Equal("inngest.send", span.OperationName);
        Assert.Equal(ActivityKind.Producer, span.Kind);
        Assert.Equal("inngest", span.GetTagItem("messaging.system"));
        Assert.Equal(3, span.GetTagItem("messaging.batch.message_count"));
        Assert.Equal("app/account.created,app/other", span.GetTagItem("inngest.event.names"));
        Assert.Equal(2, span.GetTagItem("inngest.attempts"));
        Assert.Equal(1, span.GetTagItem("inngest.requests"));
        Assert.Equal("success", span.GetTagItem("inngest.outcome"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.All(_server.Requests, r => Assert.Contains(span.TraceId.ToHexString(), r.Header("traceparent")));
        Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains(Wire.Key) == true);
    }

    [Fact]
    public async Task A_failed_send_marks_the_span_as_an_error()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var activityListener = ListenToSpans(stopped);
        _server.Responder = _ => ScriptedResponse.Empty(404);
        using var client = new InngestClient(Wire.Options(_server));

        await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Wire.Account()));

        var span = Assert.Single(stopped);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("failed", span.GetTagItem("inngest.outcome"));
        Assert.Equal("404", span.GetTagItem("error.type"));
        Assert.Equal(404, span.GetTagItem("http.response.status_code"));
        Assert.DoesNotContain(Wire.Key, span.StatusDescription);
    }

    [Fact]
    public async Task Metrics_count_sent_and_failed_events_retries_and_duration()
    {
        var measurements = new ConcurrentQueue<(string Name, double Value, string? Outcome)>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == InngestTelemetry.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? outcome = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "inngest.outcome")
                {
                    outcome = tag.Value as string;
                }
            }

            measurements.Enqueue((instrument.Name, value, outcome));
        }

        meterListener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        meterListener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        meterListener.Start();
        var options = Wire.Options(_server);
        options.MaxEventsPerRequest = 2;
        using var client = new InngestClient(options);
        _server.Enqueue(ScriptedResponse.Empty(502));
        _server.Responder = r => r.BodyJson[0].GetProperty("name").GetString() == "app/fail" ? ScriptedResponse.Empty(400) : null;

        await client.SendAsync(new[] { Wire.Account(), Wire.Account(), Wire.Account() });
        await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(new[] { Wire.Account(), Wire.Account(), Wire.Json("app/fail", "{}") }));

        var byName = measurements.ToArray();
        Assert.Equal(3 + 2, byName.Where(m => m.Name == "inngest.events.sent").Sum(m => m.Value));
        Assert.Equal(1, byName.Where(m => m.Name == "inngest.events.failed").Sum(m => m.Value));
        Assert.Equal(1, byName.Where(m => m.Name == "inngest.send.retries").Sum(m => m.Value));
        Assert.Equal(new[] { "success", "failed" }, byName.Where(m => m.Name == "inngest.send.duration").Select(m => m.Outcome));
    }
}
