using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Conformance.Tests;

/// <summary>
/// Runs one case through the official JS SDK and through our client, at the same time, each against
/// its own capture server (or its own recording stub for the default-URL cases).
/// </summary>
internal static class ConformanceRunner
{
    public static async Task<(Observation Js, Observation Ours)> RunAsync(ConformanceCase c)
    {
        var js = RunJsAsync(c);
        var ours = RunOursAsync(c, TranslateEvents(c.Payload));
        await Task.WhenAll(js, ours);
        return (await js, await ours);
    }

    public static async Task<Observation> RunJsAsync(ConformanceCase c)
    {
        CaptureServer? server = c.DefaultUrl ? null : await CaptureServer.StartAsync();
        try
        {
            server?.Enqueue(c.Plan.ToArray());
            var input = new JsonObject
            {
                ["clientOptions"] = c.ClientOptionsFor(server?.BaseUrl),
                ["stubFetch"] = c.DefaultUrl,
                ["payload"] = JsonNode.Parse(c.Payload),
                ["sendOptions"] = c.SendEnv is null ? null : new JsonObject { ["env"] = c.SendEnv },
            };
            var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var result = await NodeSdk.SendAsync(input, c.EnvFor(server?.BaseUrl));
            var end = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var requests = server is null
                ? result.StubRequests.Select(WireRequest.FromStub).ToArray()
                : server.Requests.Select(WireRequest.From).ToArray();
            return new Observation("official JS SDK " + NodeSdk.ExpectedVersion, requests, result.Ok ? result.Ids : null, result.Ok ? null : result.ErrorMessage ?? "(no message)", null, start, end);
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    public static async Task<Observation> RunOursAsync(ConformanceCase c, IReadOnlyList<InngestEvent> events)
    {
        CaptureServer? server = c.DefaultUrl ? null : await CaptureServer.StartAsync();
        var handler = c.DefaultUrl ? new RecordingHandler() : null;
        try
        {
            server?.Enqueue(c.Plan.ToArray());
            var options = ToOptions(c.ClientOptionsFor(server?.BaseUrl), c.EnvFor(server?.BaseUrl));
            var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            IReadOnlyList<string>? ids = null;
            Exception? error = null;
            try
            {
                using var http = handler is null ? null : new HttpClient(handler, disposeHandler: false);
                using var client = http is null ? new InngestClient(options) : new InngestClient(http, options);
                var result = await client.SendAsync(events, c.SendEnv is null ? null : new InngestSendOptions { Env = c.SendEnv });
                ids = result.Ids;
            }
            catch (Exception ex) when (ex is InngestSendException or InngestConfigurationException or InngestEventValidationException)
            {
                error = ex;
            }

            var end = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var requests = server is null ? handler!.Requests : server.Requests.Select(WireRequest.From).ToArray();
            return new Observation("Inngest.Typed", requests, ids, null, error, start, end);
        }
        finally
        {
            handler?.Dispose();
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>Our options from the JS option names; environment variables only from the case.</summary>
    public static InngestClientOptions ToOptions(JsonObject js, IReadOnlyDictionary<string, string> env) => new()
    {
        EventKey = js["eventKey"]?.GetValue<string>(),
        BaseUrl = js["baseUrl"]?.GetValue<string>(),
        IsDev = js["isDev"]?.GetValue<bool>(),
        Env = js["env"]?.GetValue<string>(),
        EnvironmentReader = name => env.TryGetValue(name, out var value) ? value : null,
    };

    /// <summary>
    /// The same events for our client: <c>data</c> as a <see cref="JsonElement"/> payload written with
    /// source-generated metadata (<see cref="InngestEvent{T}"/>; null or missing sends <c>{}</c>),
    /// <c>user</c> as <see cref="InngestUser"/>, <c>id</c>, <c>ts</c> and <c>v</c> as the event's properties.
    /// </summary>
    public static IReadOnlyList<InngestEvent> TranslateEvents(string payload)
    {
        var node = JsonNode.Parse(payload);
        var items = node switch
        {
            null => Array.Empty<JsonObject>(),
            JsonArray array => array.Select(e => e!.AsObject()).ToArray(),
            _ => new[] { node.AsObject() },
        };

        return items.Select(TranslateEvent).ToArray();
    }

    private static InngestEvent TranslateEvent(JsonObject e)
    {
        var name = e["name"]!.GetValue<string>();
        JsonElement? data = e["data"] is { } d ? JsonDocument.Parse(d.ToJsonString()).RootElement.Clone() : null;
        InngestUser? user = null;
        if (e["user"] is JsonObject u)
        {
            var rest = new JsonObject();
            foreach (var (key, value) in u)
            {
                if (key is not ("external_id" or "email" or "phone"))
                {
                    rest[key] = value?.DeepClone();
                }
            }

            user = new InngestUser
            {
                ExternalId = u["external_id"]?.GetValue<string>(),
                Email = u["email"]?.GetValue<string>(),
                Phone = u["phone"]?.GetValue<string>(),
                Attributes = rest.Count > 0 ? rest : null,
            };
        }

        // The JS SDK sends `ts || now`, so ts: 0 means "no timestamp" there; our equivalent is a null
        // Timestamp. (An explicit 1970 Timestamp is rejected by our client: DeliberateDifferenceTests.)
        var ts = e["ts"]?.GetValue<long>() is long ms and not 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        // Missing or null data is the untyped event without a payload (sent as {}, as the JS SDK does); a typed
        // event refuses a null payload.
        return InngestEvent.FromJson(name, data ?? default, user, e["id"]?.GetValue<string>(), ts, e["v"]?.GetValue<string>());
    }
}
