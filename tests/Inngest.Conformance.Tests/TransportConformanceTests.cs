using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Inngest.Conformance.Tests;

/// <summary>
/// Case h5: nothing listens at the base URL. The JS SDK's fetch and our HttpClient are wrapped with a
/// recorder that passes each request on, so both clients' attempts are counted and compared.
/// </summary>
public sealed class TransportConformanceTests : IClassFixture<NodeSdkFixture>
{
    [Fact]
    public async Task H5_connection_refused_is_retried_like_the_official_sdk()
    {
        var port = ClosedPort();
        var c = new ConformanceCase("h5-connection-refused", "nothing listens at the base URL")
        {
            ClientOptions = new JsonObject { ["eventKey"] = "test-key-123", ["baseUrl"] = $"http://127.0.0.1:{port}/" },
            Attempts = 5,
        };

        var jsTask = RunJsAsync(c);
        var ours = await RunOursAsync(c);
        var js = await jsTask;

        // Both: five attempts to the same URL, one body and one seed, with the backoff between them, then an error.
        Assert.Equal(5, js.Requests.Count);
        Assert.Equal(5, ours.Requests.Count);
        for (var i = 0; i < 5; i++)
        {
            WireAssert.SameRequest(js, js.Requests[i], ours, ours.Requests[i], WireAssert.FilledTimestamps(c.Payload), compareTarget: true);
        }

        WireAssert.SameOnEveryAttempt(js);
        WireAssert.SameOnEveryAttempt(ours);
        WireAssert.BackoffBetweenAttempts(js);
        WireAssert.BackoffBetweenAttempts(ours);
        Assert.Equal("fetch failed", js.ErrorMessage);
        var ex = Assert.IsType<InngestSendException>(ours.Exception);
        Assert.Null(ex.StatusCode);
        Assert.Equal(5, ex.Attempts);
        Assert.Equal(new[] { 0 }, ex.Outcome.UnacknowledgedEventIndexes.ToArray());
        Assert.DoesNotContain("test-key-123", ex.ToString(), StringComparison.Ordinal);
    }

    private static async Task<Observation> RunJsAsync(ConformanceCase c)
    {
        var input = new JsonObject
        {
            ["clientOptions"] = c.ClientOptionsFor(null),
            ["recordFetch"] = true,
            ["payload"] = JsonNode.Parse(c.Payload),
        };
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var result = await NodeSdk.SendAsync(input, new Dictionary<string, string>());
        var end = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return new Observation("official JS SDK " + NodeSdk.ExpectedVersion, result.StubRequests.Select(WireRequest.FromStub).ToArray(),
            result.Ok ? result.Ids : null, result.Ok ? null : result.ErrorMessage ?? "(no message)", null, start, end);
    }

    private static async Task<Observation> RunOursAsync(ConformanceCase c)
    {
        using var handler = new PassThroughRecordingHandler();
        using var http = new HttpClient(handler, disposeHandler: false);
        using var client = new InngestClient(http, ConformanceRunner.ToOptions(c.ClientOptionsFor(null), new Dictionary<string, string>()));
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Exception? error = null;
        IReadOnlyList<string>? ids = null;
        try
        {
            ids = (await client.SendAsync(ConformanceRunner.TranslateEvents(c.Payload))).Ids;
        }
        catch (InngestSendException ex)
        {
            error = ex;
        }

        return new Observation("Inngest.Typed", handler.Requests, ids, null, error, start, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    /// <summary>A loopback port nothing listens on (bound, then released).</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
