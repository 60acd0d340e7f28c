using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Conformance.Tests;

/// <summary>
/// Where we deliberately differ from the official JS SDK (event-api.md sections 1, 2, 4 and 5). Each
/// test asserts OUR behaviour, and also the official SDK's actual behaviour, so that a future SDK
/// version that changes it makes the test fail and the difference gets looked at again.
/// </summary>
public sealed class DeliberateDifferenceTests : IClassFixture<NodeSdkFixture>
{
    private const string Key = "test-key-123";

    [Fact]
    public async Task E7_base_url_with_a_path_and_no_trailing_slash_is_a_prefix()
    {
        var c = new ConformanceCase("e7-baseUrl-with-path", "base URL with a path and no trailing slash")
        {
            ClientOptions = new() { ["eventKey"] = Key, ["baseUrl"] = "{server}/prefix/sub" },
        };
        var (js, ours) = await ConformanceRunner.RunAsync(c);

        // The JS SDK resolves "e/<key>" against the base URL as a relative URL, which drops the last
        // path segment when there is no trailing slash: a bug, not a contract.
        Assert.Equal("/prefix/e/test-key-123", Assert.Single(js.Requests).Target);

        // We treat the base URL as a prefix: ".../prefix/sub" and ".../prefix/sub/" both send to .../prefix/sub/e/<key>.
        Assert.Equal("/prefix/sub/e/test-key-123", Assert.Single(ours.Requests).Target);
        AssertRestIsTheSame(c, js, ours);
    }

    [Fact]
    public async Task E9_event_key_is_escaped_as_one_path_segment()
    {
        var c = new ConformanceCase("e9-key-needs-escaping", "event key with a space, a slash, '?' and '#'")
        {
            ClientOptions = new() { ["eventKey"] = "key with space/slash?q#h", ["baseUrl"] = "{server}/" },
        };
        var (js, ours) = await ConformanceRunner.RunAsync(c);

        // The JS SDK pastes the key into the URL: its '/' becomes a path separator, '?q' a query
        // string and '#h' a fragment that is never sent, so the server sees another key.
        Assert.Equal("/e/key%20with%20space/slash?q", Assert.Single(js.Requests).Target);

        // We escape the key as one path segment, so the server gets the key exactly as configured.
        Assert.Equal("/e/key%20with%20space%2Fslash%3Fq%23h", Assert.Single(ours.Requests).Target);
        Assert.Equal("key with space/slash?q#h", Uri.UnescapeDataString(ours.Requests[0].Target["/e/".Length..]));
        AssertRestIsTheSame(c, js, ours);
    }

    [Fact]
    public async Task G1_an_empty_event_name_fails_before_sending()
    {
        var c = new ConformanceCase("g1-empty-name", "event with an empty name") { Payload = """{"name":"","data":{"a":1}}""" };
        var (js, ours) = await ConformanceRunner.RunAsync(c);

        // The JS SDK sends it; the server then stores an event no function can be triggered by.
        Assert.True(js.Ok, js.ToString());
        Assert.Equal("", JsonDocument.Parse(Assert.Single(js.Requests).Body).RootElement[0].GetProperty("name").GetString());

        // The name is required and non-empty (event-api.md section 2): we fail before any request.
        Assert.Empty(ours.Requests);
        var ex = Assert.IsType<InngestEventValidationException>(ours.Exception);
        Assert.Equal(0, ex.EventIndex);
    }

    [Fact]
    public async Task C2_ts_zero_is_not_silently_replaced()
    {
        var c = new ConformanceCase("c2-ts-zero", "ts: 0") { Payload = """{"name":"app/ts-zero","data":{"a":2},"ts":0}""" };
        var epochEvent = new InngestEvent<JsonElement?>("app/ts-zero", JsonDocument.Parse("""{"a":2}""").RootElement.Clone(), ConformanceJson.Default.NullableJsonElement)
        {
            Timestamp = DateTimeOffset.UnixEpoch,
        };
        var jsTask = ConformanceRunner.RunJsAsync(c);
        var ours = await ConformanceRunner.RunOursAsync(c, new InngestEvent[] { epochEvent });
        var js = await jsTask;

        // The JS SDK sends `ts || now`: a ts of 0 quietly becomes the current time.
        var jsTs = JsonDocument.Parse(Assert.Single(js.Requests).Body).RootElement[0].GetProperty("ts").GetInt64();
        Assert.InRange(jsTs, js.StartMs - 1000, js.EndMs + 1000);

        // A 1970 timestamp is almost certainly a bug (an unset value, or seconds taken for ms); the
        // server rejects ts before 1980, so we fail before sending and say how to fix it.
        // (No Timestamp at all is sent as now, as in the JS SDK: see case c2-field-order.)
        Assert.Empty(ours.Requests);
        var ex = Assert.IsType<InngestEventValidationException>(ours.Exception);
        Assert.Contains("1980-01-01", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task X_isDev_false_ignores_a_dev_url_in_INNGEST_DEV()
    {
        // Not in the spec's list of differences; found by comparing. The code says cloud (isDev: false)
        // while the environment holds a dev server URL.
        var jsCase = new ConformanceCase("x-isDev-false-with-INNGEST_DEV-url", "isDev: false, INNGEST_DEV=<dev server URL>, a key")
        {
            ClientOptions = new() { ["isDev"] = false, ["eventKey"] = Key },
            Env = Cases.Vars(("INNGEST_DEV", "{server}")),
        };
        var js = await ConformanceRunner.RunJsAsync(jsCase);

        // The JS SDK is in cloud mode but still sends the events, with the real key, to the dev URL.
        Assert.True(js.Ok, js.ToString());
        Assert.Equal("/e/test-key-123", Assert.Single(js.Requests).Target);

        // We keep the explicit option's meaning: cloud mode sends to Inngest Cloud (https://inn.gs/),
        // and a URL in INNGEST_DEV only picks the dev server's address in dev mode.
        var oursCase = jsCase with { Env = Cases.Vars(("INNGEST_DEV", "http://127.0.0.1:9")), DefaultUrl = true };
        var ours = await ConformanceRunner.RunOursAsync(oursCase, ConformanceRunner.TranslateEvents(oursCase.Payload));
        Assert.True(ours.Ok, ours.ToString());
        Assert.Equal("https://inn.gs/e/test-key-123", Assert.Single(ours.Requests).Url);
        WireAssert.SameRequest(js, js.Requests[0], ours, ours.Requests[0], WireAssert.FilledTimestamps(jsCase.Payload), compareTarget: false);
    }

    /// <summary>Apart from the difference under test, the request and the outcome are the same.</summary>
    private static void AssertRestIsTheSame(ConformanceCase c, Observation js, Observation ours)
    {
        WireAssert.SameRequest(js, js.Requests[0], ours, ours.Requests[0], WireAssert.FilledTimestamps(c.Payload), compareTarget: false);
        Assert.True(js.Ok, js.ToString());
        Assert.True(ours.Ok, ours.ToString());
        WireAssert.ExpectedIds(c, js);
        WireAssert.ExpectedIds(c, ours);
    }
}

/// <summary>
/// Deliberate differences in what is retried and what counts as success (event-api.md sections 4 and 5).
/// Separate from <see cref="DeliberateDifferenceTests"/> so the official SDK's ~1.5 s of retries run
/// beside the other classes.
/// </summary>
public sealed class RetryDifferenceTests : IClassFixture<NodeSdkFixture>
{
    private const string Key = "test-key-123";

    [Theory]
    [InlineData("i1-400-error-bad", 400, """{"error":"bad"}""", "bad", "bad")]
    [InlineData("i3-401-json-error", 401, """{"error":"Event key not found","status":401}""", "Event key not found", "Event key not found")]
    [InlineData("i4-400-empty-body", 400, null, "Cannot process event payload", null)]
    [InlineData("i6-404-empty-body", 404, null, "Event key not found", null)]
    [InlineData("i6-413-empty-body", 413, null, "Event payload too large", null)]
    public async Task I_a_4xx_answer_is_not_retried(string caseId, int status, string? body, string jsText, string? serverError)
    {
        var c = new ConformanceCase(caseId, $"{status} every time")
        {
            Plan = Enumerable.Repeat(body is null ? ScriptedResponse.Empty(status) : ScriptedResponse.Json(status, body), 5).ToArray(),
        };
        var (js, ours) = await ConformanceRunner.RunAsync(c);

        // The JS SDK retries every failure, so a request the server rejected is sent 5 times and the
        // caller waits ~1.5 s for the same answer.
        Assert.Equal(5, js.Requests.Count);
        WireAssert.SameOnEveryAttempt(js);
        Assert.Equal($"Inngest API Error: {status} {jsText}", js.ErrorMessage);

        // We retry only what can succeed next time (transport errors, timeouts, 408, 429, 5xx): a 4xx
        // fails at once, with the server's error (if any) and a hint on how to fix it.
        var request = Assert.Single(ours.Requests);
        var ex = Assert.IsType<InngestSendException>(ours.Exception);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(serverError, ex.ServerError);
        Assert.Equal(1, ex.Attempts);
        Assert.Empty(ex.AcceptedIds);
        Assert.Contains($"HTTP {status}", ex.Message, StringComparison.Ordinal);
        if (serverError is not null)
        {
            Assert.Contains(serverError, ex.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Key, ex.ToString(), StringComparison.Ordinal);
        WireAssert.SameRequest(js, js.Requests[0], ours, request, WireAssert.FilledTimestamps(c.Payload), compareTarget: true);
    }

    [Fact]
    public async Task I5_a_400_then_200_is_a_failure_for_us()
    {
        var c = new ConformanceCase("i5-400-once-then-200", "400 once, then 200")
        {
            Plan = new[] { ScriptedResponse.Json(400, """{"error":"bad"}""") },
        };
        var (js, ours) = await ConformanceRunner.RunAsync(c);

        // The JS SDK sends the rejected request again and happens to succeed the second time.
        Assert.Equal(2, js.Requests.Count);
        Assert.True(js.Ok, js.ToString());

        // A 400 says the request is bad; we report it instead of repeating it.
        Assert.Single(ours.Requests);
        var ex = Assert.IsType<InngestSendException>(ours.Exception);
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("bad", ex.ServerError);
    }

    [Fact]
    public async Task K1_a_200_without_status_is_a_success_when_the_id_count_matches()
    {
        const string id = "01HXXXXXXXXXXXXXXXXXXXXXXX";
        var c = new ConformanceCase("k1-200-without-status", "HTTP 200 with {\"ids\":[...]} and no status field")
        {
            Plan = Enumerable.Repeat(ScriptedResponse.Json(200, $$"""{"ids":["{{id}}"]}"""), 5).ToArray(),
        };
        var (js, ours) = await ConformanceRunner.RunAsync(c);

        // The JS SDK requires "status":200 in the body, so it retries an accepted event 5 times and fails.
        Assert.Equal(5, js.Requests.Count);
        Assert.StartsWith("Inngest API Error: 200", js.ErrorMessage, StringComparison.Ordinal);

        // We require a 2xx status and one id per event: the event was stored, and we say so.
        Assert.Single(ours.Requests);
        Assert.True(ours.Ok, ours.ToString());
        Assert.Equal(new[] { id }, ours.Ids);
        WireAssert.SameRequest(js, js.Requests[0], ours, ours.Requests[0], WireAssert.FilledTimestamps(c.Payload), compareTarget: true);
    }
}
