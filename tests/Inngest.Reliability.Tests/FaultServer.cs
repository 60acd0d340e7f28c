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

/// <summary>What the fault server does with one request.</summary>
public enum Fault
{
    /// <summary>Store the events and answer like the Event API.</summary>
    None,

    /// <summary>500 with a JSON error, nothing stored.</summary>
    Status500,

    /// <summary>Store the events, then answer 500 (the server crashed after the write).</summary>
    Status500AfterStore,

    /// <summary>502 with an HTML body, nothing stored.</summary>
    Status502,

    /// <summary>503 with an empty body, nothing stored.</summary>
    Status503,

    /// <summary>429 with a <c>Retry-After</c> header, nothing stored.</summary>
    TooManyRequests,

    /// <summary>408, nothing stored.</summary>
    RequestTimeout,

    /// <summary>Reset the connection before reading the body, nothing stored.</summary>
    ResetBeforeBody,

    /// <summary>Store the events, then reset the connection: the answer is lost.</summary>
    AcceptThenDrop,

    /// <summary>Store the events and answer only after the client's per-attempt timeout.</summary>
    AnswerAfterTimeout,

    /// <summary>Store the events, declare a full 200 answer, send half of it and reset.</summary>
    TruncatedBody,

    /// <summary>Store the events and answer 200 with a body that is not JSON.</summary>
    NonJsonBody,

    /// <summary>Store the events and answer 200 <c>{"status":200}</c> without ids.</summary>
    OkWithoutIds,

    /// <summary>Store the events and answer 200 with one id too many or too few.</summary>
    OkWrongIdCount,

    /// <summary>Store the first half of the events and answer 400 with their ids (a partial list).</summary>
    BadRequestPartial,
}

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
/// A fault-injecting stand-in for the Inngest Event API on Kestrel at 127.0.0.1 (random port). Each
/// request's fault comes from the scripted queue, then from <see cref="Policy"/> (a seeded schedule),
/// then <see cref="Fault.None"/>. Every stored event is recorded with its seed and index; its id is
/// <see cref="CaptureServer.IdFor"/>(seed, index), as the real server derives it, so a retry with the
/// same seed and body maps to the same logical event. Events are identified by the <c>k</c> member
/// of their <c>data</c>.
/// </summary>
public sealed class FaultServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Fault> _script = new();
    private readonly ConcurrentQueue<FaultRequest> _requests = new();
    private readonly ConcurrentQueue<StoredEvent> _stored = new();
    private readonly ConcurrentDictionary<string, int> _attemptsBySeed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<string>> _seedsByEnv = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Fault, int> _faultCounts = new();
    private long _sequence;
    private int _inFlight;
    private int _peakInFlight;

    private FaultServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseUrl { get; }

    /// <summary>Chooses the fault of a request when the scripted queue is empty; null means <see cref="Fault.None"/>.</summary>
    public Func<FaultContext, Fault>? Policy { get; set; }

    /// <summary>How long <see cref="Fault.AnswerAfterTimeout"/> waits before answering; set it above the client's AttemptTimeout.</summary>
    public TimeSpan LateAnswerDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The <c>Retry-After</c> value of a 429.</summary>
    public string RetryAfter { get; set; } = "1";

    /// <summary>Raised when a request arrives, before anything is read or answered.</summary>
    public event Action<FaultContext>? Arrived;

    public IReadOnlyList<FaultRequest> Requests => _requests.ToArray();

    public IReadOnlyList<StoredEvent> Stored => _stored.ToArray();

    /// <summary>How many distinct TCP connections the server has seen.</summary>
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
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
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
        var sequence = Interlocked.Increment(ref _sequence);
        _connections.TryAdd(context.Connection.Id, 0);
        var request = context.Request;
        var seed = request.Headers["x-inngest-event-id-seed"].ToString();
        var env = request.Headers["x-inngest-env"].ToString();
        var seedOrNull = seed.Length == 0 ? null : seed;
        var envOrNull = env.Length == 0 ? null : env;
        var attempt = seedOrNull is null ? 1 : _attemptsBySeed.AddOrUpdate(seedOrNull, 1, static (_, n) => n + 1);
        var chunk = 0;
        if (envOrNull is not null && seedOrNull is not null)
        {
            var seeds = _seedsByEnv.GetOrAdd(envOrNull, static _ => new List<string>());
            lock (seeds)
            {
                chunk = seeds.IndexOf(seedOrNull);
                if (chunk < 0)
                {
                    seeds.Add(seedOrNull);
                    chunk = seeds.Count - 1;
                }
            }
        }

        var decision = new FaultContext(envOrNull, seedOrNull, chunk, attempt);
        Arrived?.Invoke(decision);
        var fault = _script.TryDequeue(out var scripted) ? scripted : Policy?.Invoke(decision) ?? Fault.None;
        _faultCounts.AddOrUpdate(fault, 1, static (_, n) => n + 1);
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;

        if (fault == Fault.ResetBeforeBody)
        {
            _requests.Enqueue(new FaultRequest(sequence, envOrNull, seedOrNull, attempt, rawTarget, null, null, fault, 0, context.Connection.Id));
            context.Abort();
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

        var keys = EventKeys(body);
        var count = keys?.Count ?? 0;
        var storedCount = fault switch
        {
            Fault.None or Fault.Status500AfterStore or Fault.AcceptThenDrop or Fault.AnswerAfterTimeout or Fault.TruncatedBody
                or Fault.NonJsonBody or Fault.OkWithoutIds or Fault.OkWrongIdCount => count,
            Fault.BadRequestPartial => count / 2,
            _ => 0,
        };

        if (keys is not null && seedOrNull is not null)
        {
            for (var i = 0; i < storedCount; i++)
            {
                _stored.Enqueue(new StoredEvent(keys[i], seedOrNull, i, CaptureServer.IdFor(seedOrNull, i), sequence));
            }
        }

        _requests.Enqueue(new FaultRequest(sequence, envOrNull, seedOrNull, attempt, rawTarget, Convert.ToHexString(SHA256.HashData(body)), keys, fault, storedCount, context.Connection.Id));

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
                context.Abort();
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

                context.Abort();
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

    private static string Ids(string? seed, int count, int status, string? error = null)
    {
        var text = new StringBuilder("{\"ids\":[");
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? "\"" : ",\"").Append(CaptureServer.IdFor(seed, i)).Append('"');
        }

        text.Append("],\"status\":").Append(status);
        if (error is not null)
        {
            text.Append(",\"error\":\"").Append(error).Append('"');
        }

        return text.Append('}').ToString();
    }

    /// <summary>The <c>data.k</c> of each event in the body, or null when the body is not an array of events.</summary>
    private static List<string>? EventKeys(byte[] body)
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

/// <summary>A reproducible fault schedule: the fault of a request depends only on the run seed, the call id (env), the chunk and the attempt.</summary>
public sealed class SeededFaultSchedule
{
    private readonly ulong _seed;
    private readonly double _faultRate;
    private readonly Fault[] _palette;

    public SeededFaultSchedule(int seed, double faultRate, IReadOnlyList<Fault> palette)
    {
        _seed = (ulong)seed;
        _faultRate = faultRate;
        _palette = palette.ToArray();
    }

    /// <summary>Every fault except <see cref="Fault.None"/>.</summary>
    public static IReadOnlyList<Fault> AllFaults { get; } = Enum.GetValues<Fault>().Where(f => f != Fault.None).ToArray();

    public Fault Decide(FaultContext context)
    {
        var h = Mix(_seed ^ Fnv(context.Env ?? context.Seed ?? string.Empty));
        h = Mix(h ^ (ulong)context.Chunk * 0x9E3779B97F4A7C15UL);
        h = Mix(h ^ (ulong)context.Attempt * 0xC2B2AE3D27D4EB4FUL);
        var roll = (h >> 11) * (1.0 / (1UL << 53));
        if (roll >= _faultRate)
        {
            return Fault.None;
        }

        return _palette[(int)(Mix(h) % (ulong)_palette.Length)];
    }

    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
