using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Inngest.Testing.Server;

namespace Inngest.Conformance.Tests;

/// <summary>The comparisons every case makes between the official SDK's requests and ours.</summary>
internal static partial class WireAssert
{
    /// <summary>The JS SDK's identification header, as in the wire vectors.</summary>
    public const string JsSdkHeader = "inngest-js:v" + NodeSdk.ExpectedVersion;

    /// <summary>
    /// Headers the JS SDK sends that we deliberately do not: <c>x-inngest-sdk-handled: true</c> is a
    /// header its HTTP layer adds to every request and response of the SDK; the Event API does not read it.
    /// </summary>
    public static readonly string[] JsOnlyHeaders = { "x-inngest-sdk-handled" };

    private const string OurSdkHeader = InngestClient.SdkName + ":v" + InngestClient.SdkVersion;

    /// <summary>The whole case: same number of requests, each the same, same outcome.</summary>
    public static void SameWire(ConformanceCase c, Observation js, Observation ours)
    {
        Assert.True(c.Attempts == js.Requests.Count, $"The official SDK made {js.Requests.Count} request(s); its wire vector shows {c.Attempts}. Did the SDK change?\n{js}");
        Assert.True(c.Attempts == ours.Requests.Count, $"Our client made {ours.Requests.Count} request(s), the official SDK {c.Attempts}.\n{ours}\n{js}");
        var filledTs = FilledTimestamps(c.Payload);
        for (var i = 0; i < c.Attempts; i++)
        {
            SameRequest(js, js.Requests[i], ours, ours.Requests[i], filledTs, compareTarget: true);
        }

        SameOnEveryAttempt(js);
        SameOnEveryAttempt(ours);
        if (c.Attempts > 1 && !c.DefaultUrl)
        {
            BackoffBetweenAttempts(js);
            BackoffBetweenAttempts(ours);
        }

        if (c.Fails)
        {
            Assert.False(js.Ok, $"The official SDK should have failed.\n{js}");
            Assert.False(ours.Ok, $"Our client should have failed like the official SDK.\n{ours}");
            if (c.ClientOptions["eventKey"]?.GetValue<string>() is { } key)
            {
                Assert.DoesNotContain(key, ours.Exception!.ToString(), StringComparison.Ordinal);
            }
            if (c.Attempts == 0)
            {
                // Both say how to fix it: set INNGEST_EVENT_KEY (or pass the key in the options).
                var ex = Assert.IsType<InngestConfigurationException>(ours.Exception);
                Assert.Contains("INNGEST_EVENT_KEY", js.ErrorMessage, StringComparison.Ordinal);
                Assert.Contains("INNGEST_EVENT_KEY", ex.Message, StringComparison.Ordinal);
            }
            else
            {
                var ex = Assert.IsType<InngestSendException>(ours.Exception);
                var lastStatus = c.Plan[c.Attempts - 1].Status;
                Assert.Equal(c.Attempts, ex.Attempts);
                Assert.Equal(lastStatus, ex.StatusCode);
                Assert.Empty(ex.AcceptedIds);
                Assert.Contains($"Inngest API Error: {lastStatus}", js.ErrorMessage, StringComparison.Ordinal);
            }
        }
        else
        {
            Assert.True(js.Ok, $"The official SDK failed.\n{js}");
            Assert.True(ours.Ok, $"Our client failed where the official SDK succeeded.\n{ours}");
            ExpectedIds(c, js);
            ExpectedIds(c, ours);
        }
    }

    /// <summary>The ids each client returned are the ones its server (or stub) answered for its own request.</summary>
    public static void ExpectedIds(ConformanceCase c, Observation o)
    {
        Assert.NotNull(o.Ids);
        if (o.Requests.Count == 0)
        {
            Assert.Empty(o.Ids!);
            return;
        }

        var last = o.Requests[^1];
        var count = ((JsonArray)JsonNode.Parse(last.Body)!).Count;
        var scripted = c.Plan.Count >= o.Requests.Count ? c.Plan[o.Requests.Count - 1] : null;
        IEnumerable<string> expected = c.DefaultUrl
            ? Enumerable.Range(0, count).Select(i => $"stub-id-{i}")
            : scripted is { Acknowledge: false, Body: { } body }
                ? JsonNode.Parse(body)!["ids"]!.AsArray().Select(id => id!.GetValue<string>())
                : Enumerable.Range(0, count).Select(i => CaptureServer.IdFor(last.Header("x-inngest-event-id-seed"), i));
        Assert.Equal(expected.ToArray(), o.Ids!.ToArray());
    }

    /// <summary>
    /// One request of each client: target, content type, branch env, seed format, SDK identification
    /// and the body (parsed; a filled-in <c>ts</c> is checked, then masked).
    /// </summary>
    public static void SameRequest(Observation js, WireRequest jsRequest, Observation ours, WireRequest ourRequest, IReadOnlyList<bool> filledTs, bool compareTarget)
    {
        var context = $"\n{js}\n{ours}";
        Assert.Equal("POST", jsRequest.Method);
        Assert.Equal("POST", ourRequest.Method);
        if (compareTarget)
        {
            Assert.True(jsRequest.Target == ourRequest.Target, $"Request target: official SDK '{jsRequest.Target}', ours '{ourRequest.Target}'.{context}");
            Assert.Equal(jsRequest.Url, ourRequest.Url);
        }

        Assert.Equal("application/json", jsRequest.Header("content-type"));
        Assert.Equal("application/json", ourRequest.Header("content-type"));
        Assert.True(jsRequest.Header("x-inngest-env") == ourRequest.Header("x-inngest-env"),
            $"x-inngest-env: official SDK '{jsRequest.Header("x-inngest-env")}', ours '{ourRequest.Header("x-inngest-env")}'.{context}");

        // The key travels only in the path.
        Assert.Null(jsRequest.Header("authorization"));
        Assert.Null(ourRequest.Header("authorization"));

        Assert.Equal(JsSdkHeader, jsRequest.Header("user-agent"));
        Assert.Equal(JsSdkHeader, jsRequest.Header("x-inngest-sdk"));
        Assert.Equal(OurSdkHeader, ourRequest.Header("user-agent"));
        Assert.Equal(OurSdkHeader, ourRequest.Header("x-inngest-sdk"));

        var jsInngestHeaders = jsRequest.Headers.Keys.Where(h => h.StartsWith("x-inngest-", StringComparison.Ordinal)).Except(JsOnlyHeaders).Order();
        var ourInngestHeaders = ourRequest.Headers.Keys.Where(h => h.StartsWith("x-inngest-", StringComparison.Ordinal)).Order();
        Assert.Equal(jsInngestHeaders.ToArray(), ourInngestHeaders.ToArray());

        var jsSeedMs = SeedMilliseconds(jsRequest, js);
        var ourSeedMs = SeedMilliseconds(ourRequest, ours);

        var jsBody = ParseBody(jsRequest, js);
        var ourBody = ParseBody(ourRequest, ours);
        Assert.True(jsBody.Count == ourBody.Count, $"Event count: official SDK {jsBody.Count}, ours {ourBody.Count}.{context}");
        Assert.Equal(filledTs.Count, jsBody.Count);
        for (var i = 0; i < jsBody.Count; i++)
        {
            if (filledTs[i])
            {
                var jsTs = FilledTs(jsBody[i]!, js, i);
                var ourTs = FilledTs(ourBody[i]!, ours, i);
                Assert.True(jsTs == jsSeedMs, $"The official SDK filled ts {jsTs}, its seed says {jsSeedMs}.{context}");
                Assert.True(ourTs == ourSeedMs, $"Our client filled ts {ourTs}; it must equal the seed's ms {ourSeedMs} so retries stay byte-identical.{context}");
                jsBody[i]!["ts"] = "<filled: now>";
                ourBody[i]!["ts"] = "<filled: now>";
            }

            var expected = Canonical(jsBody[i]);
            var actual = Canonical(ourBody[i]);
            Assert.True(expected == actual, $"Event {i} differs.\nofficial SDK: {expected}\nours:         {actual}{context}");
        }
    }

    /// <summary>Every attempt of one send call carries the byte-identical body and the same seed header.</summary>
    public static void SameOnEveryAttempt(Observation o)
    {
        if (o.Requests.Count < 2)
        {
            return;
        }

        var first = o.Requests[0];
        foreach (var retry in o.Requests.Skip(1))
        {
            Assert.True(first.Body == retry.Body, $"{o.Client}: a retry changed the body.\n{o}");
            Assert.True(first.Header("x-inngest-event-id-seed") == retry.Header("x-inngest-event-id-seed"), $"{o.Client}: a retry changed the seed.\n{o}");
            Assert.Equal(first.Target, retry.Target);
        }
    }

    /// <summary>
    /// The wait before attempt n+1 is at least 100 ms x 2^(n-1) (both SDKs add up to 100 ms of jitter;
    /// the upper bound is loose because the machine may be busy).
    /// </summary>
    public static void BackoffBetweenAttempts(Observation o)
    {
        for (var n = 1; n < o.Requests.Count; n++)
        {
            var waited = (o.Requests[n].ReceivedAt - o.Requests[n - 1].ReceivedAt).TotalMilliseconds;
            var floor = 100 * Math.Pow(2, n - 1);
            Assert.True(waited >= floor - 20 && waited <= floor + 100 + 2000,
                $"{o.Client}: attempt {n + 1} came {waited:N0} ms after attempt {n}; expected {floor:N0} ms plus up to 100 ms of jitter.\n{o}");
        }
    }

    /// <summary>For each event of the payload: does the client fill in <c>ts</c> (none given, or JS's falsy 0)?</summary>
    public static IReadOnlyList<bool> FilledTimestamps(string payload)
    {
        var node = JsonNode.Parse(payload);
        var events = node is JsonArray array ? array.Select(e => e!.AsObject()).ToArray() : node is JsonObject o ? new[] { o } : Array.Empty<JsonObject>();
        return events.Select(e => e["ts"] is not JsonValue ts || ts.GetValue<long>() == 0).ToArray();
    }

    /// <summary>Compact JSON with object keys sorted, so key order does not matter but everything else does.</summary>
    public static string Canonical(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonValue.Create(p.Key)!.ToJsonString() + ":" + Canonical(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        _ => node.ToJsonString(),
    };

    public static JsonArray ParseBody(WireRequest request, Observation o)
    {
        var body = JsonNode.Parse(request.Body);
        return Assert.IsType<JsonArray>(body, exactMatch: true);
    }

    private static long SeedMilliseconds(WireRequest request, Observation o)
    {
        var seed = request.Header("x-inngest-event-id-seed");
        Assert.True(seed is not null && SeedFormat().IsMatch(seed), $"{o.Client}: the seed header '{seed}' is not '<unix ms>,<base64 of 10 bytes>'.");
        var ms = long.Parse(seed![..seed.IndexOf(',')], CultureInfo.InvariantCulture);
        Assert.True(ms >= o.StartMs - 1000 && ms <= o.EndMs + 1000, $"{o.Client}: the seed's ms {ms} is not the time of the send ({o.StartMs}..{o.EndMs}).");
        Assert.Equal(10, Convert.FromBase64String(seed[(seed.IndexOf(',') + 1)..]).Length);
        return ms;
    }

    private static long FilledTs(JsonNode e, Observation o, int index)
    {
        var ts = e["ts"];
        Assert.True(ts is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number && long.TryParse(v.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out _),
            $"{o.Client}: event {index} has ts {ts?.ToJsonString() ?? "(none)"}; expected integer ms since the epoch.");
        var ms = long.Parse(ts!.ToJsonString(), CultureInfo.InvariantCulture);
        Assert.True(ms >= o.StartMs - 1000 && ms <= o.EndMs + 1000, $"{o.Client}: event {index} has ts {ms}, not the time of the send ({o.StartMs}..{o.EndMs}).");
        return ms;
    }

    [GeneratedRegex(@"^\d+,[A-Za-z0-9+/]{13}[A-Za-z0-9+/=]{3}$")]
    private static partial Regex SeedFormat();
}
