using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Runtime.Tests;

/// <summary>event-api.md sections 4 and 5: what counts as success, what is retried, how long the client waits.</summary>
public sealed class RetryTests : IAsyncLifetime
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(17);
    private CaptureServer _server = null!;

    public async Task InitializeAsync() => _server = await CaptureServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private InngestClient FastClient(int maxAttempts = 5)
    {
        var options = Wire.Options(_server);
        options.MaxAttempts = maxAttempts;
        return new InngestClient(options);
    }

    private (InngestClient Client, RecordingClock Clock) ClockedClient(Action<InngestClientOptions>? configure = null)
    {
        var clock = new RecordingClock();
        var options = Wire.Options(_server);
        options.TimeProvider = clock;
        options.InitialRetryDelay = TimeSpan.FromMilliseconds(100);
        options.MaxRetryJitter = TimeSpan.FromMilliseconds(100);
        options.AttemptTimeout = AttemptTimeout;
        configure?.Invoke(options);
        return (new InngestClient(options), clock);
    }

    private void AssertAllAttemptsIdentical(int expectedAttempts)
    {
        var requests = _server.Requests;
        Assert.Equal(expectedAttempts, requests.Count);
        Assert.All(requests, r => Assert.Equal(requests[0].Body, r.Body));
        Assert.All(requests, r => Assert.Equal(requests[0].Header("x-inngest-event-id-seed"), r.Header("x-inngest-event-id-seed")));
    }

    [Fact]
    public async Task Backoff_is_100ms_doubling_plus_jitter_and_every_attempt_is_byte_identical()
    {
        _server.Enqueue(
            ScriptedResponse.Json(500, """{"error":"internal","status":500}"""),
            ScriptedResponse.Json(500, """{"error":"internal","status":500}"""),
            ScriptedResponse.Empty(502),
            ScriptedResponse.Empty(503));
        var (client, clock) = ClockedClient();
        using var _ = client;

        var send = client.SendAsync(Wire.Account(user: Wire.Taylor));
        for (var n = 1; n <= 4; n++)
        {
            var delay = await clock.WaitForDelayAsync(n, AttemptTimeout);
            var floor = TimeSpan.FromMilliseconds(100 * (1 << (n - 1)));
            Assert.InRange(delay, floor, floor + TimeSpan.FromMilliseconds(100));
            Assert.Equal(n, _server.Requests.Count);
            clock.Advance(delay - TimeSpan.FromMilliseconds(1));
            await Task.Delay(30);
            Assert.Equal(n, _server.Requests.Count); // not before the delay is over
            clock.Advance(TimeSpan.FromMilliseconds(1));
            await Wire.WaitForRequestsAsync(_server, n + 1);
        }

        var result = await send;
        AssertAllAttemptsIdentical(5);
        Assert.Equal(CaptureServer.IdFor(_server.Requests[0].Header("x-inngest-event-id-seed"), 0), Assert.Single(result.Ids));
    }

    [Fact]
    public async Task Gives_up_after_five_attempts_by_default_with_status_error_and_attempts()
    {
        _server.Responder = _ => ScriptedResponse.Json(500, """{"error":"internal","status":500}""");
        using var client = FastClient();

        var ex = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Wire.Account()));

        AssertAllAttemptsIdentical(5);
        Assert.Equal(500, ex.StatusCode);
        Assert.Equal("internal", ex.ServerError);
        Assert.Equal(5, ex.Attempts);
        Assert.Empty(ex.AcceptedIds);
        Assert.Equal(new[] { 0 }, ex.Outcome.UnacknowledgedEventIndexes);
        Assert.Contains("HTTP 500: internal after 5 attempts", ex.Message);
        Assert.Contains("0 of 1 event(s) accepted", ex.Message);
    }

    [Fact]
    public async Task MaxAttempts_is_configurable()
    {
        _server.Responder = _ => ScriptedResponse.Empty(503);
        using var client = FastClient(maxAttempts: 2);

        var ex = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Wire.Account()));

        Assert.Equal(2, ex.Attempts);
        AssertAllAttemptsIdentical(2);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Retryable_statuses_are_retried_to_success(int status)
    {
        _server.Enqueue(ScriptedResponse.Text(status, "upstream exploded"));
        using var client = FastClient();

        var result = await client.SendAsync(Wire.Account());

        Assert.Single(result.Ids);
        AssertAllAttemptsIdentical(2);
    }

    [Theory]
    [InlineData(400, """{"error":"bad"}""", "bad")]
    [InlineData(401, """{"status":401,"message":"","error":"Event key not found"}""", "Event key not found")]
    [InlineData(401, null, null)]
    [InlineData(403, null, null)]
    [InlineData(404, null, null)]
    [InlineData(406, null, null)]
    [InlineData(409, null, null)]
    [InlineData(412, null, null)]
    [InlineData(413, null, null)]
    [InlineData(422, """{"message":"unprocessable"}""", "unprocessable")]
    public async Task Other_4xx_are_not_retried(int status, string? body, string? serverError)
    {
        _server.Responder = _ => body is null ? ScriptedResponse.Empty(status) : ScriptedResponse.Json(status, body);
        using var client = FastClient();

        var ex = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Wire.Account()));

        Assert.Single(_server.Requests);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(serverError, ex.ServerError);
        Assert.Equal(1, ex.Attempts);
        Assert.Contains($"HTTP {status}", ex.Message);
        Assert.Contains("after 1 attempt", ex.Message);
    }

    [Fact]
    public async Task Key_errors_say_how_to_fix_them_without_showing_the_key()
    {
        _server.Responder = _ => ScriptedResponse.Json(401, """{"status":401,"message":"","error":"Event key not found"}""");
        using var client = FastClient();

        var ex = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Wire.Account()));

        Assert.Contains("INNGEST_EVENT_KEY", ex.Message);
        Assert.DoesNotContain(Wire.Key, ex.ToString());
    }

    [Fact]
    public async Task Retry_After_seconds_is_honoured()
    {
        _server.Enqueue(new ScriptedResponse(429, """{"error":"slow down"}""") { Headers = new Dictionary<string, string> { ["Retry-After"] = "3" } });
        var (client, clock) = ClockedClient();
        using var _ = client;

        var send = client.SendAsync(Wire.Account());
        Assert.Equal(TimeSpan.FromSeconds(3), await clock.WaitForDelayAsync(1, AttemptTimeout));
        clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Single((await send).Ids);
        AssertAllAttemptsIdentical(2);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_MaxRetryDelay_is_honoured_by_not_retrying_early()
    {
        // Issue 11: the client used to retry after MaxRetryDelay, against the server's wish; now it stops and says when to resend.
        _server.Enqueue(new ScriptedResponse(503) { Headers = new Dictionary<string, string> { ["Retry-After"] = "3600" } });
        var (client, clock) = ClockedClient(o => o.MaxRetryDelay = TimeSpan.FromSeconds(5));
        using var _ = client;

        var failure = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Wire.Account()));

        Assert.Equal(TimeSpan.FromHours(1), failure.RetryAfter);
        Assert.Equal(1, failure.Attempts);
        Assert.Single(_server.Requests);
        Assert.All(clock.Timers, t => Assert.Equal(AttemptTimeout, t)); // no retry delay was started
        Assert.Contains("Retry-After", failure.Message);
    }

    [Fact]
    public async Task A_Retry_After_up_to_MaxRetryDelay_is_waited_in_full()
    {
        _server.Enqueue(new ScriptedResponse(503) { Headers = new Dictionary<string, string> { ["Retry-After"] = "5" } });
        var (client, clock) = ClockedClient(o => o.MaxRetryDelay = TimeSpan.FromSeconds(5));
        using var _ = client;

        var send = client.SendAsync(Wire.Account());
        Assert.Equal(TimeSpan.FromSeconds(5), await clock.WaitForDelayAsync(1, AttemptTimeout));
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Single((await send).Ids);
    }

    [Fact]
    public async Task A_Retry_After_shorter_than_the_backoff_does_not_shorten_it()
    {
        _server.Enqueue(new ScriptedResponse(429) { Headers = new Dictionary<string, string> { ["Retry-After"] = "0" } });
        var (client, clock) = ClockedClient();
        using var _ = client;

        var send = client.SendAsync(Wire.Account());
        var delay = await clock.WaitForDelayAsync(1, AttemptTimeout);
        Assert.InRange(delay, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200));
        clock.Advance(delay);
        await send;
    }

    [Fact]
    public async Task A_per_attempt_timeout_is_retried_with_the_same_body_and_seed()
    {
        _server.Enqueue(ScriptedResponse.Ok() with { Delay = TimeSpan.FromSeconds(30) });
        var (client, clock) = ClockedClient();
        using var _ = client;

        var send = client.SendAsync(Wire.Account());
        await Wire.WaitForRequestsAsync(_server, 1);
        clock.Advance(AttemptTimeout); // the first attempt times out
        var delay = await clock.WaitForDelayAsync(1, AttemptTimeout);
        clock.Advance(delay);

        Assert.Single((await send).Ids);
        AssertAllAttemptsIdentical(2);
    }

    [Fact]
    public async Task A_timeout_on_every_attempt_says_so()
    {
        _server.Responder = _ => ScriptedResponse.Ok() with { Delay = TimeSpan.FromSeconds(30) };
        var (client, clock) = ClockedClient(o => o.MaxAttempts = 2);
        using var _ = client;

        var send = client.SendAsync(Wire.Account());
        await Wire.WaitForRequestsAsync(_server, 1);
        clock.Advance(AttemptTimeout);
        clock.Advance(await clock.WaitForDelayAsync(1, AttemptTimeout));
        await Wire.WaitForRequestsAsync(_server, 2);
        clock.Advance(AttemptTimeout);

        var ex = await Assert.ThrowsAsync<InngestSendException>(() => send);
        Assert.Null(ex.StatusCode);
        Assert.Equal(2, ex.Attempts);
        Assert.Contains("did not answer within 17 s", ex.Message);
        Assert.Contains("AttemptTimeout", ex.Message);
    }

    [Fact]
    public async Task Connection_refused_is_retried_then_reported_with_the_base_url_only()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = Wire.Options(_server);
        options.BaseUrl = $"http://127.0.0.1:{port}/";
        options.MaxAttempts = 3;
        using var client = new InngestClient(options);

        var ex = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Wire.Account()));

        Assert.Equal(3, ex.Attempts);
        Assert.Null(ex.StatusCode);
        Assert.IsType<System.Net.Http.HttpRequestException>(ex.InnerException);
        Assert.Contains($"Could not reach Inngest at http://127.0.0.1:{port}/ after 3 attempts", ex.Message);
        Assert.DoesNotContain(Wire.Key, ex.ToString());
    }

    [Fact]
    public async Task A_reset_connection_is_retried()
    {
        _server.Enqueue(ScriptedResponse.Ok() with { Abort = true });
        using var client = FastClient();

        Assert.Single((await client.SendAsync(Wire.Account())).Ids);
        AssertAllAttemptsIdentical(2);
    }

    // ---- what counts as success (section 4) ----

    [Fact]
    public async Task A_200_without_a_status_field_is_success_when_the_ids_match()
    {
        _server.Enqueue(ScriptedResponse.Json(200, """{"ids":["01HXXXXXXXXXXXXXXXXXXXXXXX"]}"""));
        using var client = FastClient();

        Assert.Equal(new[] { "01HXXXXXXXXXXXXXXXXXXXXXXX" }, (await client.SendAsync(Wire.Account())).Ids);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Any_2xx_with_matching_ids_is_success()
    {
        _server.Enqueue(ScriptedResponse.Json(201, """{"ids":["01HYYYYYYYYYYYYYYYYYYYYYYY"],"status":200}"""));
        using var client = FastClient();

        Assert.Equal(new[] { "01HYYYYYYYYYYYYYYYYYYYYYYY" }, (await client.SendAsync(Wire.Account())).Ids);
    }

    [Theory]
    [InlineData("""{"ids":[],"status":200,"error":"partial"}""", "partial")]
    [InlineData("""{"status":200}""", "the answer holds no ids")]
    [InlineData("""{"ids":["a","b"],"status":200}""", "the answer holds 2 id(s) for 1 event(s)")]
    [InlineData("OK", "the answer is not JSON")]
    [InlineData("""{"ids":["a""", "the answer is not JSON")]
    public async Task A_2xx_that_does_not_acknowledge_every_event_is_retried_then_fails(string body, string error)
    {
        _server.Responder = _ => body.StartsWith('{') ? ScriptedResponse.Json(200, body) : ScriptedResponse.Text(200, body);
        using var client = FastClient(maxAttempts: 3);

        var ex = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Wire.Account()));

        AssertAllAttemptsIdentical(3);
        Assert.Equal(200, ex.StatusCode);
        Assert.Equal(error, ex.ServerError);
        Assert.Empty(ex.AcceptedIds);
    }

    [Fact]
    public async Task A_400_with_a_partial_id_list_reports_the_accepted_prefix()
    {
        _server.Enqueue(ScriptedResponse.Json(400, """{"ids":["01A"],"status":400,"error":"event 1 is too large"}"""));
        using var client = FastClient();
        var events = new[] { Wire.Account(), Wire.Account(), Wire.Account() };

        var ex = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(events));

        Assert.Equal(new[] { "01A" }, ex.AcceptedIds);
        Assert.Equal(new[] { 1, 2 }, ex.Outcome.UnacknowledgedEventIndexes);
        Assert.Empty(ex.Outcome.NotSentEventIndexes);
        Assert.Equal("event 1 is too large", ex.ServerError);
        Assert.Contains("1 of 3 event(s) accepted; event(s) 1..2 not acknowledged", ex.Message);
    }

    [Fact]
    public async Task Redirects_are_not_followed()
    {
        _server.Enqueue(new ScriptedResponse(307) { Headers = new Dictionary<string, string> { ["Location"] = "http://127.0.0.2:1/elsewhere" } });
        using var client = FastClient();

        var ex = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Wire.Account()));

        Assert.Equal(307, ex.StatusCode);
        Assert.Single(_server.Requests);
        Assert.Contains("Redirects are not followed", ex.Message);
    }
}
