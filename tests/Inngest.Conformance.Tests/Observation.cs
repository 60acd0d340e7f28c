using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Conformance.Tests;

/// <summary>One request as a client put it on the wire (or handed it to a recording stub).</summary>
/// <param name="Url">The absolute URL when a stub recorded it; null from the capture server (the host differs per server).</param>
/// <param name="Target">The request target: path and query exactly as sent, escapes kept.</param>
/// <param name="Headers">Headers by lower-case name.</param>
public sealed record WireRequest(string? Url, string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset ReceivedAt)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static WireRequest From(CapturedRequest request)
        => new(null, request.Method, request.RawTarget, request.Headers, request.BodyText, request.ReceivedAt);

    /// <summary>A request the JS SDK handed to the driver's fetch stub.</summary>
    public static WireRequest FromStub(JsonObject stub)
    {
        var url = stub["url"]!.GetValue<string>();
        var headers = stub["headers"]!.AsObject().ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value!.GetValue<string>());
        var at = stub["atMs"] is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms.GetValue<long>()) : DateTimeOffset.UtcNow;
        return new WireRequest(url, stub["method"]!.GetValue<string>(), new Uri(url).PathAndQuery, headers, stub["body"]?.GetValue<string>() ?? string.Empty, at);
    }
}

/// <summary>What one client did in one case: its requests and its result (ids, or the error).</summary>
public sealed record Observation(string Client, IReadOnlyList<WireRequest> Requests, IReadOnlyList<string>? Ids, string? ErrorMessage, Exception? Exception, long StartMs, long EndMs)
{
    public bool Ok => ErrorMessage is null && Exception is null;

    public override string ToString()
        => $"{Client}: {Requests.Count} request(s), " + (Ok ? $"ids [{string.Join(", ", Ids ?? Array.Empty<string>())}]" : $"error: {ErrorMessage ?? Exception?.Message}")
            + string.Concat(Requests.Select(r => $"\n  {r.Method} {r.Url ?? r.Target} {string.Join(" ", r.Headers.Where(h => h.Key.StartsWith("x-inngest", StringComparison.Ordinal)).Select(h => h.Key + "=" + h.Value))}\n  {r.Body}"));
}

/// <summary>
/// Stands in for the network when the URL is the default cloud or dev URL: records each request and
/// answers like the JS driver's fetch stub (<c>{"ids":["stub-id-0",...],"status":200}</c>).
/// Only for those cases; everything else goes through the real capture server.
/// </summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly List<WireRequest> _requests = new();

    public IReadOnlyList<WireRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var headers = new Dictionary<string, string>();
        foreach (var header in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            headers[header.Key.ToLowerInvariant()] = string.Join(", ", header.Value);
        }

        var uri = request.RequestUri!;
        lock (_requests)
        {
            _requests.Add(new WireRequest(uri.AbsoluteUri, request.Method.Method, uri.PathAndQuery, headers, body, DateTimeOffset.UtcNow));
        }

        var count = JsonNode.Parse(body) is JsonArray array ? array.Count : 1;
        var ids = new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode?)JsonValue.Create($"stub-id-{i}")).ToArray());
        var answer = new JsonObject { ["ids"] = ids, ["status"] = 200 };
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(answer.ToJsonString(), Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
    }
}

/// <summary>Records each request, then sends it over the network (for the unreachable-server case).</summary>
public sealed class PassThroughRecordingHandler : DelegatingHandler
{
    private readonly List<WireRequest> _requests = new();

    public PassThroughRecordingHandler()
        : base(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
    }

    public IReadOnlyList<WireRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var headers = new Dictionary<string, string>();
        foreach (var header in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            headers[header.Key.ToLowerInvariant()] = string.Join(", ", header.Value);
        }

        var uri = request.RequestUri!;
        lock (_requests)
        {
            _requests.Add(new WireRequest(uri.AbsoluteUri, request.Method.Method, uri.PathAndQuery, headers, body, DateTimeOffset.UtcNow));
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
