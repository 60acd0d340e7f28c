using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Runtime.Tests;

/// <summary>A payload whose serialization throws something System.Text.Json does not wrap (a getter's own exception).</summary>
public sealed class ExplodingPayload
{
    public string Value => throw new FormatException("the getter failed");
}

[JsonSerializable(typeof(ExplodingPayload))]
public sealed partial class ExplodingJson : JsonSerializerContext
{
}

/// <summary>
/// Issue 11's defects that show at the handler or client level: every exception out of a send is a documented one
/// with an accurate outcome, whatever the handler stack, the listener or the server answers.
/// </summary>
[Collection(nameof(TelemetryTests))]
public sealed class FaultPathTests : IAsyncLifetime
{
    private CaptureServer _server = null!;

    public async Task InitializeAsync() => _server = await CaptureServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static InngestEvent[] Three() => new InngestEvent[] { Wire.Account(), Wire.Account(), Wire.Account() };

    /// <summary>A user handler that throws what <paramref name="fault"/> returns for the n-th request (from 1), else passes on.</summary>
    private sealed class FaultingHandler : DelegatingHandler
    {
        private readonly Func<int, Exception?> _fault;
        private int _count;

        public FaultingHandler(Func<int, Exception?> fault)
            : base(new SocketsHttpHandler { AllowAutoRedirect = false })
        {
            _fault = fault;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _count);
            return _fault(n) is { } error ? throw error : base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class ThrowingListener : InngestSendListener
    {
        private readonly string _throwIn;

        public ThrowingListener(string throwIn) => _throwIn = throwIn;

        public List<string> Reasons { get; } = new();

        public override void SendStarting(IReadOnlyList<InngestEvent> events, int requests) => Throw(nameof(SendStarting));

        public override void Retrying(IReadOnlyList<InngestEvent> events, int failedAttempt, int? statusCode, string? reason, TimeSpan delay)
        {
            Reasons.Add(reason ?? string.Empty);
            Throw(nameof(Retrying));
        }

        public override void SendSucceeded(IReadOnlyList<InngestEvent> events, int attempts, TimeSpan elapsed) => Throw(nameof(SendSucceeded));

        public override void SendFailed(IReadOnlyList<InngestEvent> events, Exception exception, TimeSpan elapsed) => Throw(nameof(SendFailed));

        private void Throw(string step)
        {
            if (_throwIn == "all" || _throwIn == step)
            {
                throw new InvalidOperationException($"listener failed in {step}");
            }
        }
    }

    private InngestClientOptions OnePerRequest(int maxAttempts = 5)
    {
        var options = Wire.Options(_server);
        options.MaxEventsPerRequest = 1;
        options.MaxAttempts = maxAttempts;
        return options;
    }

    [Fact]
    public async Task A_throwing_user_handler_fails_the_send_with_its_outcome_instead_of_escaping_raw()
    {
        using var http = new HttpClient(new FaultingHandler(n => n >= 2 ? new InvalidOperationException("the user handler failed") : null));
        using var client = new InngestClient(http, OnePerRequest(maxAttempts: 2));

        var failure = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Three()));

        var first = Assert.Single(_server.Requests);
        Assert.Equal(new[] { CaptureServer.IdFor(first.Header("x-inngest-event-id-seed"), 0) }, failure.AcceptedIds);
        Assert.Equal(new[] { 1 }, failure.Outcome.UnacknowledgedEventIndexes);
        Assert.Equal(new[] { 2 }, failure.Outcome.NotSentEventIndexes);
        Assert.Null(failure.StatusCode);
        Assert.IsType<InvalidOperationException>(failure.InnerException);
    }

    [Fact]
    public async Task Your_HttpClient_hands_the_answer_over_as_a_stream_not_buffered_under_its_own_limit()
    {
        // HttpClient buffers a whole answer only when asked to (its invoker override does); the client asks for the
        // headers and reads the body itself, under its own 4 MiB bound, so the HttpClient's buffer limit never applies.
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { MaxResponseContentBufferSize = 256 };
        using var client = new InngestClient(http, Wire.Options(_server));
        var events = Enumerable.Range(0, 40).Select(_ => (InngestEvent)Wire.Account()).ToArray();

        var result = await client.SendAsync(events);

        Assert.Equal(40, result.Ids.Count); // an answer of about 1.2 KB
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task An_answer_that_came_through_a_redirect_your_handler_followed_is_refused()
    {
        await using var elsewhere = await CaptureServer.StartAsync();
        _server.Responder = r => new ScriptedResponse(307) { Headers = new Dictionary<string, string> { ["Location"] = new Uri(elsewhere.BaseUrl, r.RawTarget).ToString() } };
        using var http = new HttpClient(new HttpClientHandler()); // follows redirects, as by default
        using var client = new InngestClient(http, Wire.Options(_server));

        var failure = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Three()));

        Assert.Single(elsewhere.Requests); // the handler re-posted there: that cannot be undone, but it is not success
        Assert.Empty(failure.AcceptedIds);
        Assert.Equal(new[] { 0, 1, 2 }, failure.Outcome.UnacknowledgedEventIndexes);
        Assert.Equal(1, failure.Attempts); // not retried: every retry would go there again
        Assert.Contains("redirect", failure.Message);
    }

    [Fact]
    public async Task Disposing_the_HttpClient_mid_send_fails_with_the_outcome()
    {
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        _server.Responder = _ => _server.Requests.Count >= 2
            ? new ScriptedResponse(200) { Acknowledge = true, Delay = TimeSpan.FromSeconds(5) }
            : ScriptedResponse.Ok();
        using var client = new InngestClient(http, OnePerRequest());
        _server.Received += r =>
        {
            if (_server.Requests.Count == 2)
            {
                http.Dispose();
            }
        };

        var failure = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Three()).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Single(failure.AcceptedIds);
        Assert.Equal(new[] { 1 }, failure.Outcome.UnacknowledgedEventIndexes);
        Assert.Equal(new[] { 2 }, failure.Outcome.NotSentEventIndexes);
    }

    [Fact]
    public async Task A_Retry_After_beyond_MaxRetryDelay_is_not_cut_short_and_never_overflows_the_delay()
    {
        // 10^10 s is past Task.Delay's maximum (about 49.7 days) and past any MaxRetryDelay.
        _server.Responder = _ => new ScriptedResponse(503, """{"error":"busy"}""") { Headers = new Dictionary<string, string> { ["Retry-After"] = "10000000000" } };
        var options = Wire.Options(_server);
        options.MaxRetryDelay = TimeSpan.FromDays(100); // past the timer limit too
        using var client = new InngestClient(options);

        var failure = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Wire.Account()).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Single(_server.Requests); // not retried early
        Assert.Equal(1, failure.Attempts);
        Assert.Equal(503, failure.StatusCode);
        Assert.Equal(new[] { 0 }, failure.Outcome.UnacknowledgedEventIndexes);
    }

    [Fact]
    public async Task With_no_cap_a_Retry_After_past_the_timer_limit_still_stops_instead_of_throwing()
    {
        _server.Responder = _ => new ScriptedResponse(503, """{"error":"busy"}""") { Headers = new Dictionary<string, string> { ["Retry-After"] = "5184000" } }; // 60 days
        var options = Wire.Options(_server);
        options.MaxRetryDelay = TimeSpan.MaxValue;
        using var client = new InngestClient(options);

        var failure = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Wire.Account()).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Equal(TimeSpan.FromDays(60), failure.RetryAfter);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_MaxRetryDelay_stops_the_retries_instead_of_retrying_early()
    {
        _server.Responder = _ => new ScriptedResponse(429, """{"error":"slow down"}""") { Headers = new Dictionary<string, string> { ["Retry-After"] = "60" } };
        var options = Wire.Options(_server);
        options.MaxRetryDelay = TimeSpan.FromSeconds(30);
        using var client = new InngestClient(options);

        var failure = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Wire.Account()).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Single(_server.Requests);
        Assert.Equal(429, failure.StatusCode);
        Assert.Contains("60", failure.Message);
    }

    [Fact]
    public async Task The_date_form_of_Retry_After_is_read_with_the_TimeProvider()
    {
        var clock = new RecordingClock();
        var retryAt = clock.GetUtcNow().AddSeconds(5).ToString("r", CultureInfo.InvariantCulture);
        _server.Enqueue(new ScriptedResponse(503, """{"error":"busy"}""") { Headers = new Dictionary<string, string> { ["Retry-After"] = retryAt } });
        var options = Wire.Options(_server);
        options.TimeProvider = clock;
        options.AttemptTimeout = TimeSpan.FromSeconds(17);
        using var client = new InngestClient(options);

        var send = client.SendAsync(Wire.Account());
        var delay = await clock.WaitForDelayAsync(1, TimeSpan.FromSeconds(17));
        clock.Advance(delay);
        await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(5), delay);
    }

    [Theory]
    [InlineData("""{"ids":[""],"status":400,"error":"could not publish"}""", 0)]
    [InlineData("""{"ids":["01JDSTORED0000000000000000",""],"status":400,"error":"could not publish"}""", 1)]
    [InlineData("""{"ids":["",""],"status":400,"error":"could not publish"}""", 0)]
    public async Task Empty_ids_in_a_400_are_events_the_server_did_not_accept(string answer, int accepted)
    {
        _server.Enqueue(ScriptedResponse.Json(400, answer));
        using var client = new InngestClient(Wire.Options(_server));

        var failure = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Three()));

        Assert.Equal(accepted, failure.AcceptedIds.Count);
        Assert.All(failure.AcceptedIds, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.Equal(Enumerable.Range(accepted, 3 - accepted), failure.Outcome.UnacknowledgedEventIndexes);
    }

    [Fact]
    public async Task Transport_errors_that_echo_the_request_line_never_carry_the_key()
    {
        var echo = $"Received an invalid status line: 'POST /e/{Wire.Key} HTTP/1.1'.";
        using var http = new HttpClient(new FaultingHandler(_ => new HttpRequestException(echo, new IOException($"peer said POST /e/{Uri.EscapeDataString(Wire.Key)}"))));
        var listener = new ThrowingListener("none");
        var options = Wire.Options(_server);
        options.MaxAttempts = 2;
        options.Listener = listener;
        using var client = new InngestClient(http, options);

        var failure = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Wire.Account()));

        Assert.DoesNotContain(Wire.Key, failure.Message);
        Assert.DoesNotContain(Wire.Key, failure.ToString());
        for (Exception? inner = failure.InnerException; inner is not null; inner = inner.InnerException)
        {
            Assert.DoesNotContain(Wire.Key, inner.Message);
            Assert.DoesNotContain(Wire.Key, inner.ToString());
        }

        Assert.NotEmpty(listener.Reasons);
        Assert.All(listener.Reasons, r => Assert.DoesNotContain(Wire.Key, r));
        Assert.Contains("invalid status line", failure.ToString());
    }

    [Theory]
    [InlineData("SendStarting")]
    [InlineData("SendSucceeded")]
    [InlineData("all")]
    public async Task A_throwing_listener_never_turns_an_accepted_send_into_a_failure(string throwIn)
    {
        _server.Enqueue(ScriptedResponse.Empty(503));
        var options = Wire.Options(_server);
        options.Listener = new ThrowingListener(throwIn);
        using var client = new InngestClient(options);

        var result = await client.SendAsync(Wire.Account());

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(CaptureServer.IdFor(_server.Requests[1].Header("x-inngest-event-id-seed"), 0), Assert.Single(result.Ids));
    }

    [Fact]
    public async Task A_throwing_listener_leaves_the_failure_exception_intact()
    {
        _server.Responder = _ => ScriptedResponse.Empty(401);
        var options = Wire.Options(_server);
        options.Listener = new ThrowingListener("all");
        using var client = new InngestClient(options);

        var failure = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Wire.Account()));

        Assert.Equal(401, failure.StatusCode);
    }

    [Fact]
    public async Task A_throwing_ActivityListener_never_turns_an_accepted_send_into_a_failure()
    {
        using var spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == InngestTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = _ => throw new InvalidOperationException("started"),
            ActivityStopped = _ => throw new InvalidOperationException("stopped"),
        };
        ActivitySource.AddActivityListener(spans);
        using var client = new InngestClient(Wire.Options(_server));

        var result = await client.SendAsync(Wire.Account());

        Assert.Single(result.Ids);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Server_error_text_is_bounded_single_line_and_marked_when_cut()
    {
        var huge = "first line\r\nFORGED: admin logged in\n" + new string('x', 3 * 1024 * 1024);
        _server.Enqueue(ScriptedResponse.Json(400, JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = huge })));
        using var client = new InngestClient(Wire.Options(_server));

        var failure = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Wire.Account()));

        Assert.InRange(failure.Message.Length, 1, 4096);
        Assert.NotNull(failure.ServerError);
        Assert.InRange(failure.ServerError!.Length, 1, 2048);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.DoesNotContain('\r', failure.Message);
        Assert.DoesNotContain('\n', failure.ServerError);
        Assert.StartsWith("first line", failure.ServerError);
        Assert.Contains("more characters", failure.ServerError);
    }

    [Fact]
    public async Task A_cancelled_token_before_the_call_throws_InngestSendCanceledException_and_sends_nothing()
    {
        using var client = new InngestClient(Wire.Options(_server));

        var canceled = await Assert.ThrowsAsync<InngestSendCanceledException>(() => client.SendAsync(Three(), cancellationToken: new CancellationToken(canceled: true)));

        Assert.Empty(canceled.Outcome.AcceptedIds);
        Assert.Empty(canceled.Outcome.UnacknowledgedEventIndexes);
        Assert.Equal(new[] { 0, 1, 2 }, canceled.Outcome.NotSentEventIndexes);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Any_exception_while_serializing_data_is_a_validation_error_before_any_request()
    {
        using var client = new InngestClient(Wire.Options(_server));
        var events = new InngestEvent[] { Wire.Account(), new InngestEvent<ExplodingPayload>("app/boom", new ExplodingPayload(), ExplodingJson.Default.ExplodingPayload) };

        var invalid = await Assert.ThrowsAsync<InngestEventValidationException>(() => client.SendAsync(events));

        Assert.Equal(1, invalid.EventIndex);
        Assert.IsType<FormatException>(invalid.InnerException);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_non_ASCII_branch_name_is_sent_percent_encoded_instead_of_failing_the_constructor()
    {
        var options = Wire.Options(_server, new Dictionary<string, string> { ["BRANCH_NAME"] = "feature/über-login" });
        using var client = new InngestClient(options);

        await client.SendAsync(Wire.Account());

        Assert.Equal("feature/%C3%BCber-login", Assert.Single(_server.Requests).Header("x-inngest-env"));
    }
}
