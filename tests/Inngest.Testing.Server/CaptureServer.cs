using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inngest.Testing.Server;

/// <summary>One request as it arrived on the wire.</summary>
public sealed record CapturedRequest(
    string Method,
    string RawTarget,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The request target's path part, exactly as sent (escapes kept).</summary>
    public string Path => RawTarget.Split('?', 2)[0];

    /// <summary>The query string including '?', or empty.</summary>
    public string Query => RawTarget.Contains('?') ? RawTarget[RawTarget.IndexOf('?')..] : string.Empty;

    public string BodyText => Encoding.UTF8.GetString(Body);

    public JsonElement BodyJson => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>A header by lower-case name, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;

    /// <summary>The number of events in the body (1 for a bare object).</summary>
    public int EventCount
    {
        get
        {
            try
            {
                var json = BodyJson;
                return json.ValueKind == JsonValueKind.Array ? json.GetArrayLength() : 1;
            }
            catch (JsonException)
            {
                return 0;
            }
        }
    }
}

/// <summary>What the server answers to one request.</summary>
public sealed record ScriptedResponse(int Status, string? Body = null)
{
    public string ContentType { get; init; } = "application/json";

    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Wait this long before answering.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Reset the connection instead of answering.</summary>
    public bool Abort { get; init; }

    /// <summary>Answer like the Event API, with one id per event.</summary>
    public bool Acknowledge { get; init; }

    public static ScriptedResponse Ok() => new(200) { Acknowledge = true };

    public static ScriptedResponse Json(int status, string json) => new(status, json);

    public static ScriptedResponse Text(int status, string text) => new(status, text) { ContentType = "text/plain; charset=utf-8" };

    public static ScriptedResponse Empty(int status) => new(status, null);
}

/// <summary>
/// A stand-in for the Inngest Event API on Kestrel at 127.0.0.1 on a random port. It records every
/// request exactly as it arrived and answers from a queue of scripted responses, then like the
/// Event API (<c>{"ids":[...],"status":200}</c>). Ids are derived from the seed header and the
/// event's index, as the real server does, so a retried request gets the same ids.
/// </summary>
public sealed class CaptureServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedResponse> _plan = new();
    private readonly List<CapturedRequest> _requests = new();
    private readonly object _gate = new();

    private CaptureServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseUrl { get; }

    /// <summary>Decides the answer when the scripted queue is empty; null means acknowledge.</summary>
    public Func<CapturedRequest, ScriptedResponse?>? Responder { get; set; }

    /// <summary>Raised after a request is recorded, before it is answered.</summary>
    public event Action<CapturedRequest>? Received;

    public IReadOnlyList<CapturedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    public static async Task<CaptureServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        CaptureServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new CaptureServer(app, new Uri(address.Replace("[::]", "127.0.0.1").TrimEnd('/') + "/"));
        return server;
    }

    public void Enqueue(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _plan.Enqueue(response);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }

        _plan.Clear();
    }

    /// <summary>The id the server gives event <paramref name="index"/> of a request with <paramref name="seed"/>.</summary>
    public static string IdFor(string? seed, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}|{index}"));
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var chars = new char[26];
        chars[0] = '0';
        for (var i = 1; i < 26; i++)
        {
            chars[i] = alphabet[hash[i] & 31];
        }

        return new string(chars);
    }

    public static string AcknowledgeBody(CapturedRequest request)
    {
        var seed = request.Header("x-inngest-event-id-seed");
        var ids = Enumerable.Range(0, request.EventCount).Select(i => IdFor(seed, i));
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["ids"] = ids.ToArray(), ["status"] = 200 }, CaptureJson.Default.DictionaryStringObject);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var captured = new CapturedRequest(request.Method, rawTarget, headers, body.ToArray(), DateTimeOffset.UtcNow);
        lock (_gate)
        {
            _requests.Add(captured);
        }

        Received?.Invoke(captured);

        var response = _plan.TryDequeue(out var scripted) ? scripted : Responder?.Invoke(captured) ?? ScriptedResponse.Ok();
        if (response.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (response.Abort)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.Status;
        if (response.Headers is not null)
        {
            foreach (var (name, value) in response.Headers)
            {
                context.Response.Headers[name] = value;
            }
        }

        var text = response.Acknowledge ? AcknowledgeBody(captured) : response.Body;
        if (text is not null)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
        }
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, object>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
[System.Text.Json.Serialization.JsonSerializable(typeof(int))]
internal sealed partial class CaptureJson : System.Text.Json.Serialization.JsonSerializerContext
{
}
