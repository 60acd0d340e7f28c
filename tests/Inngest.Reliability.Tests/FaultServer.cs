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
using Inngest.Testing.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inngest.Reliability.Tests;

/// <summary>The facts a fault decision may use: all read from the headers, before the body.</summary>
/// <param name="Env">The <c>x-inngest-env</c> header (the tests put a call id there).</param>
/// <param name="Seed">The <c>x-inngest-event-id-seed</c> header.</param>
/// <param name="Chunk">Which request of the call this is: the order in which its seed first appeared under <paramref name="Env"/>.</param>
/// <param name="Attempt">Which attempt with this seed this is, from 1.</param>
public sealed record FaultContext(string? Env, string? Seed, int Chunk, int Attempt);

/// <summary>One request as the fault server saw it.</summary>
public sealed record FaultRequest(
    long Sequence,
    string? Env,
    string? Seed,
    int Attempt,
    string RawTarget,
    string? BodyHash,
    IReadOnlyList<string>? EventKeys,
    Fault Fault,
    int StoredCount,
    string ConnectionId);

/// <summary>An event the server stored, with the seed and index it arrived under and the id that gives.</summary>
public sealed record StoredEvent(string EventKey, string Seed, int Index, string Id, long RequestSequence);

/// <summary>
/// A fault-injecting stand-in for the Inngest Event API on 127.0.0.1. Its front door
/// (<see cref="BaseUrl"/>) is a raw-socket server: it reads each request's head, picks the fault
/// (scripted queue, then <see cref="Policy"/>, a seeded schedule, then <see cref="Fault.None"/>), makes
/// raw faults itself (<see cref="RawFaults"/>) and relays the others byte for byte to Kestrel
/// (<see cref="KestrelRelay"/>), so a real HTTP stack produces them. Every stored event is recorded
/// with its seed and index; its id is <see cref="CaptureServer.IdFor"/>(seed, index), as the real
/// server derives it, so a retry with the same seed and body maps to the same logical event. Events
/// are identified by the <c>k</c> member of their <c>data</c>. A second local server
/// (<see cref="ElsewhereRequests"/>) is the target of redirects: it would accept events and return
/// its own ids, and must never receive anything.
/// </summary>
public sealed class FaultServer : IAsyncDisposable
{
    /// <summary>The header the front uses to hand its decision to Kestrel.</summary>
    internal const string DecisionHeader = "x-fault-decision";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Fault> _script = new();
    private readonly ConcurrentQueue<FaultRequest> _requests = new();
    private readonly ConcurrentQueue<StoredEvent> _stored = new();
    private readonly ConcurrentDictionary<string, int> _attemptsBySeed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<string>> _seedsByEnv = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Fault, int> _faultCounts = new();
    private readonly ConcurrentDictionary<long, byte> _aborted = new();
    private readonly ConcurrentQueue<RawHttpRequest> _elsewhereRequests = new();
    private RawHttpServer? _front;
    private RawHttpServer? _elsewhere;
    private long _sequence;
    private int _disposed;
    private int _inFlight;
    private int _peakInFlight;

    private FaultServer(WebApplication app, Uri kestrelBaseUrl)
    {
        _app = app;
        KestrelBaseUrl = kestrelBaseUrl;
        BaseUrl = kestrelBaseUrl;
    }

    /// <summary>http://127.0.0.1:{port}/ of the raw-socket front: every fault kind.</summary>
    public Uri BaseUrl { get; private set; }

    /// <summary>http://127.0.0.1:{port}/ of Kestrel itself: the Kestrel faults only, no relay in between.</summary>
    public Uri KestrelBaseUrl { get; }

    /// <summary>The redirect target's base URL.</summary>
    public Uri ElsewhereBaseUrl => _elsewhere!.BaseUrl;

    /// <summary>Chooses the fault of a request when the scripted queue is empty; null means <see cref="Fault.None"/>.</summary>
    public Func<FaultContext, Fault>? Policy { get; set; }

    /// <summary>How long <see cref="Fault.AnswerAfterTimeout"/> waits, and <see cref="Fault.SlowBody"/> trickles; set it above the client's AttemptTimeout.</summary>
    public TimeSpan LateAnswerDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The pause between the pieces of a <see cref="Fault.SlowAnswer"/> (eight pieces).</summary>
    public TimeSpan SlowAnswerPause { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The <c>Retry-After</c> value of a <see cref="Fault.TooManyRequests"/> 429.</summary>
    public string RetryAfter { get; set; } = "1";

    /// <summary>Raised when a request arrives, before anything is read or answered.</summary>
    public event Action<FaultContext>? Arrived;

    public IReadOnlyList<FaultRequest> Requests => _requests.ToArray();

    public IReadOnlyList<StoredEvent> Stored => _stored.ToArray();

    /// <summary>Requests the redirect target received (a client that follows a redirect sends them).</summary>
    public IReadOnlyList<RawHttpRequest> ElsewhereRequests => _elsewhereRequests.ToArray();

    /// <summary>How many distinct TCP connections the server has seen from clients.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>The most requests the server was handling at once.</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    /// <summary>How many requests got each fault (<see cref="Fault.None"/> included).</summary>
    public IReadOnlyDictionary<Fault, int> FaultCounts => new Dictionary<Fault, int>(_faultCounts);

    public int FaultsInjected => _faultCounts.Where(p => p.Key != Fault.None).Sum(p => p.Value);

    public static async Task<FaultServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.AddServerHeader = false;
        });
        var app = builder.Build();
        FaultServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FaultServer(app, new Uri(address.TrimEnd('/') + "/"));
        var raw = new RawFaults(server);
        server._front = RawHttpServer.Start(raw.HandleAsync);
        server._elsewhere = RawHttpServer.Start(server.ElsewhereAsync);
        server.BaseUrl = server._front.BaseUrl;
        return server;
    }

    /// <summary>Queues faults for the next requests, in arrival order.</summary>
    public void Script(params Fault[] faults)
    {
        foreach (var fault in faults)
        {
            _script.Enqueue(fault);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_front is not null)
        {
            await _front.DisposeAsync().ConfigureAwait(false);
        }

        if (_elsewhere is not null)
        {
            await _elsewhere.DisposeAsync().ConfigureAwait(false);
        }

        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2)); // do not wait for answers held back on purpose
        await _app.StopAsync(stopping.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Numbers a request, counts its attempt and chunk from its headers, and picks its fault.</summary>
    internal (long Sequence, FaultContext Context, Fault Fault) Decide(string? seed, string? env, string connectionId)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        _connections.TryAdd(connectionId, 0);
        var attempt = seed is null ? 1 : _attemptsBySeed.AddOrUpdate(seed, 1, static (_, n) => n + 1);
        var chunk = 0;
        if (env is not null && seed is not null)
        {
            var seeds = _seedsByEnv.GetOrAdd(env, static _ => new List<string>());
            lock (seeds)
            {
                chunk = seeds.IndexOf(seed);
                if (chunk < 0)
                {
                    seeds.Add(seed);
                    chunk = seeds.Count - 1;
                }
            }
        }

        var context = new FaultContext(env, seed, chunk, attempt);
        Arrived?.Invoke(context);
        var fault = _script.TryDequeue(out var scripted) ? scripted : Policy?.Invoke(context) ?? Fault.None;
        _faultCounts.AddOrUpdate(fault, 1, static (_, n) => n + 1);
        return (sequence, context, fault);
    }

    /// <summary>Records a request; stores the first <see cref="FaultCatalog.Stored"/> events of its body. Returns the event count (0 when no body was read).</summary>
    internal int Record(long sequence, FaultContext context, Fault fault, string rawTarget, byte[]? body, string connectionId)
    {
        var keys = body is null ? null : EventKeys(body);
        var count = keys?.Count ?? 0;
        var storedCount = FaultCatalog.Stored(fault, count);
        if (keys is not null && context.Seed is not null)
        {
            for (var i = 0; i < storedCount; i++)
            {
                _stored.Enqueue(new StoredEvent(keys[i], context.Seed, i, CaptureServer.IdFor(context.Seed, i), sequence));
            }
        }

        var hash = body is null ? null : Convert.ToHexString(SHA256.HashData(body));
        _requests.Enqueue(new FaultRequest(sequence, context.Env, context.Seed, context.Attempt, rawTarget, hash, keys, fault, storedCount, connectionId));
        return count;
    }

    /// <summary>Whether Kestrel aborted the connection of request <paramref name="sequence"/> (the relay then resets the client's).</summary>
    internal bool Aborted(long sequence) => _aborted.ContainsKey(sequence);

    /// <summary>An Event API answer body: <c>{"ids":[...],"status":N,"error":"..."}</c> with ids derived from the seed.</summary>
    internal static string Ids(string? seed, int count, int status, string? error = null, string? idPrefix = null)
    {
        var text = new StringBuilder("{\"ids\":[");
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? "\"" : ",\"").Append(CaptureServer.IdFor(idPrefix + seed, i)).Append('"');
        }

        text.Append("],\"status\":").Append(status);
        if (error is not null)
        {
            text.Append(",\"error\":").Append(JsonSerializer.Serialize(error, ReliabilityJson.Default.String));
        }

        return text.Append('}').ToString();
    }

    private async Task ElsewhereAsync(RawHttpExchange exchange)
    {
        _elsewhereRequests.Enqueue(exchange.Request);
        var body = await exchange.ReadBodyAsync().ConfigureAwait(false);
        var count = EventKeys(body)?.Count ?? 0;
        await exchange.Connection.WriteAsync(RawHttpAnswers.InngestServer(200, Ids(exchange.Request.Header("x-inngest-event-id-seed"), count, 200, idPrefix: "elsewhere:"))).ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        int peak;
        while (inFlight > (peak = Volatile.Read(ref _peakInFlight)) && Interlocked.CompareExchange(ref _peakInFlight, inFlight, peak) != peak)
        {
        }

        try
        {
            await HandleCoreAsync(context).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task HandleCoreAsync(HttpContext context)
    {
        var request = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        long sequence;
        FaultContext decision;
        Fault fault;
        string connectionId;
        if (request.Headers[DecisionHeader].ToString() is { Length: > 0 } relayed)
        {
            // Decided by the raw front, which relays this request: sequence;fault;attempt;chunk;connection;env;seed
            var parts = relayed.Split(';');
            sequence = long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            fault = Enum.Parse<Fault>(parts[1]);
            decision = new FaultContext(Blank(Uri.UnescapeDataString(parts[5])), Blank(Uri.UnescapeDataString(parts[6])), int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
            connectionId = parts[4];
        }
        else
        {
            var seed = Blank(request.Headers["x-inngest-event-id-seed"].ToString());
            var env = Blank(request.Headers["x-inngest-env"].ToString());
            connectionId = context.Connection.Id;
            (sequence, decision, fault) = Decide(seed, env, connectionId);
            if (FaultCatalog.IsRaw(fault))
            {
                throw new InvalidOperationException($"{fault} is made by the raw front: send to BaseUrl, not KestrelBaseUrl.");
            }
        }

        var seedOrNull = decision.Seed;
        if (fault == Fault.ResetBeforeBody)
        {
            Record(sequence, decision, fault, rawTarget, null, connectionId);
            Abort(context, sequence);
            return;
        }

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            body = buffer.ToArray();
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or BadHttpRequestException)
        {
            return; // the client went away while sending
        }

        var count = Record(sequence, decision, fault, rawTarget, body, connectionId);
        var storedCount = FaultCatalog.Stored(fault, count);
        var attempt = decision.Attempt;
        var response = context.Response;
        switch (fault)
        {
            case Fault.None:
                await WriteAsync(context, 200, Ids(seedOrNull, count, 200)).ConfigureAwait(false);
                break;
            case Fault.Status500:
            case Fault.Status500AfterStore:
                await WriteAsync(context, 500, """{"status":500,"error":"internal server error"}""").ConfigureAwait(false);
                break;
            case Fault.Status502:
                await WriteAsync(context, 502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html").ConfigureAwait(false);
                break;
            case Fault.Status503:
                response.StatusCode = 503;
                break;
            case Fault.TooManyRequests:
                response.Headers["Retry-After"] = RetryAfter;
                await WriteAsync(context, 429, """{"status":429,"error":"rate limit exceeded"}""").ConfigureAwait(false);
                break;
            case Fault.RequestTimeout:
                response.StatusCode = 408;
                break;
            case Fault.AcceptThenDrop:
                Abort(context, sequence);
                break;
            case Fault.AnswerAfterTimeout:
                try
                {
                    await Task.Delay(LateAnswerDelay, context.RequestAborted).ConfigureAwait(false);
                    await WriteAsync(context, 200, Ids(seedOrNull, count, 200)).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException)
                {
                }

                break;
            case Fault.TruncatedBody:
            {
                var full = Encoding.UTF8.GetBytes(Ids(seedOrNull, count, 200));
                response.StatusCode = 200;
                response.ContentType = "application/json";
                response.ContentLength = full.Length;
                try
                {
                    await response.Body.WriteAsync(full.AsMemory(0, full.Length / 2), context.RequestAborted).ConfigureAwait(false);
                    await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException)
                {
                }

                Abort(context, sequence);
                break;
            }

            case Fault.NonJsonBody:
                await WriteAsync(context, 200, "OK: events received", "text/plain").ConfigureAwait(false);
                break;
            case Fault.OkWithoutIds:
                await WriteAsync(context, 200, """{"status":200}""").ConfigureAwait(false);
                break;
            case Fault.OkWrongIdCount:
                await WriteAsync(context, 200, Ids(seedOrNull, attempt % 2 == 1 || count == 0 ? count + 1 : count - 1, 200)).ConfigureAwait(false);
                break;
            case Fault.BadRequestPartial:
                await WriteAsync(context, 400, Ids(seedOrNull, storedCount, 400, $"event {storedCount} is invalid")).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"Unhandled fault {fault}.");
        }
    }

    private static string? Blank(string text) => text.Length == 0 ? null : text;

    private void Abort(HttpContext context, long sequence)
    {
        _aborted.TryAdd(sequence, 0); // before the abort: the relay checks it when the connection ends
        context.Abort();
    }

    private static async Task WriteAsync(HttpContext context, int status, string body, string contentType = "application/json")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        try
        {
            await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
        }
    }

    /// <summary>The <c>data.k</c> of each event in the body, or null when the body is not an array of events.</summary>
    internal static List<string>? EventKeys(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 2000 });
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var keys = new List<string>(document.RootElement.GetArrayLength());
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                keys.Add(element.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                    && data.TryGetProperty("k", out var k) && k.ValueKind == JsonValueKind.String
                    ? k.GetString()!
                    : "#" + index);
                index++;
            }

            return keys;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
