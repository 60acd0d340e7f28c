using System;
using System.Buffers;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using System.Text.Json;
using System.Text.Json.Serialization;
using Inngest.Benchmarks.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Inngest.Benchmarks.EndToEnd;

/// <summary>The three end-to-end workloads, each as one timed operation.</summary>
public enum Workload
{
    /// <summary>10,000 events in 10 requests of 1,000.</summary>
    Batch10kBy1000,

    /// <summary>1,000 single-event sends, one after the other.</summary>
    Sequential1000,

    /// <summary>1,000 single-event sends, 16 in flight at a time.</summary>
    Concurrent16x1000,
}

/// <summary>Runs a workload: against the library, or as raw <see cref="HttpClient"/> posts of pre-serialized bodies.</summary>
public abstract class Sender : IDisposable
{
    public const string EventKey = "bench-event-key";
    public const int BatchEvents = 10_000;
    public const int BatchSize = 1_000;
    public const int Singles = 1_000;
    public const int Concurrency = 16;

    /// <summary>Events sent by one operation of <paramref name="workload"/>.</summary>
    public static int EventsPer(Workload workload) => workload == Workload.Batch10kBy1000 ? BatchEvents : Singles;

    /// <summary>Requests one operation of <paramref name="workload"/> makes.</summary>
    public static int RequestsPer(Workload workload) => workload == Workload.Batch10kBy1000 ? BatchEvents / BatchSize : Singles;

    public Task RunAsync(Workload workload) => workload switch
    {
        Workload.Batch10kBy1000 => BatchAsync(),
        Workload.Sequential1000 => SequentialAsync(),
        _ => ConcurrentAsync(),
    };

    public abstract void Dispose();

    protected abstract Task BatchAsync();

    protected abstract Task SendOneAsync(int index);

    private async Task SequentialAsync()
    {
        for (var i = 0; i < Singles; i++)
        {
            await SendOneAsync(i).ConfigureAwait(false);
        }
    }

    private async Task ConcurrentAsync()
    {
        var next = -1;
        var workers = new Task[Concurrency];
        for (var w = 0; w < Concurrency; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < Singles)
                {
                    await SendOneAsync(i).ConfigureAwait(false);
                }
            });
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    /// <summary>The HTTP stack every .NET sender uses: the library's defaults (or a given handler, for the in-process cost harness).</summary>
    internal static HttpClient CreateHttpClient(HttpMessageHandler? handler = null) => new(handler ?? new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
}

/// <summary>How the library's sender reaches the HTTP stack.</summary>
public enum TypedTransport
{
    /// <summary><c>new InngestClient(httpClient, options)</c>, with the other senders' <see cref="HttpClient"/> settings.</summary>
    HttpClient,

    /// <summary><c>new InngestClient(options)</c>: the handler it makes itself, called without an <see cref="HttpClient"/>.</summary>
    OwnHandler,

    /// <summary>
    /// <c>services.AddInngest(...)</c> and the resolved <see cref="IInngestClient"/>: <c>IHttpClientFactory</c>'s handler
    /// pipeline for the <c>Inngest</c> client, called without an <see cref="HttpClient"/> (nothing configures one).
    /// </summary>
    DependencyInjection,
}

/// <summary>
/// The library: <c>InngestClient</c> sending the typed seed event (with its user), over the given <see cref="TypedTransport"/>.
/// </summary>
public sealed class TypedSender : Sender
{
    private readonly IInngestClient _client;
    private readonly IDisposable? _owner;
    private readonly HttpClient? _http;
    private readonly AccountCreated[] _batch;

    public TypedSender(Uri sink, HttpMessageHandler? handler = null, TypedTransport transport = TypedTransport.HttpClient)
    {
        var options = new InngestClientOptions
        {
            EventKey = EventKey,
            BaseUrl = sink.ToString(),
            MaxEventsPerRequest = BatchSize,
            EnvironmentReader = static _ => null,
        };
        switch (transport)
        {
            case TypedTransport.OwnHandler:
                var own = new InngestClient(options);
                (_client, _owner) = (own, own);
                break;
            case TypedTransport.DependencyInjection:
                var services = new ServiceCollection();
                services.AddInngest(o =>
                {
                    o.EventKey = EventKey;
                    o.BaseUrl = sink.ToString();
                    o.MaxEventsPerRequest = BatchSize;
                    o.EnvironmentReader = static _ => null;
                });
                var provider = services.BuildServiceProvider();
                _client = provider.GetRequiredService<IInngestClient>();
                _owner = provider;
                break;
            default:
                _http = CreateHttpClient(handler);
                var through = new InngestClient(_http, options);
                (_client, _owner) = (through, through);
                break;
        }

        _batch = new AccountCreated[BatchEvents];
        for (var i = 0; i < _batch.Length; i++)
        {
            _batch[i] = Payloads.Account(i);
        }
    }

    public override void Dispose()
    {
        _owner?.Dispose();
        _http?.Dispose();
    }

    protected override async Task BatchAsync()
    {
        var events = new List<InngestEvent>(_batch.Length);
        foreach (var data in _batch)
        {
            events.Add(data.ToEvent(user: Payloads.AccountUser));
        }

        var result = await _client.SendAsync(events).ConfigureAwait(false);
        if (result.Ids.Count != BatchEvents)
        {
            throw new InvalidOperationException($"expected {BatchEvents} ids, got {result.Ids.Count}");
        }
    }

    protected override async Task SendOneAsync(int index)
    {
        var result = await _client.SendAsync(_batch[index], user: Payloads.AccountUser).ConfigureAwait(false);
        if (result.Ids.Count != 1)
        {
            throw new InvalidOperationException($"expected 1 id, got {result.Ids.Count}");
        }
    }
}

/// <summary>
/// The limit: the same requests (same bodies, URL and headers) posted with a bare
/// <see cref="HttpClient"/>, the bodies serialized once up front, the answer read but not parsed.
/// </summary>
public sealed class RawSender : Sender
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly byte[][] _batchBodies;
    private readonly byte[] _singleBody;

    public RawSender(Uri sink, HttpMessageHandler? handler = null)
    {
        _http = CreateHttpClient(handler);
        _url = new Uri(sink, "e/" + EventKey);
        _batchBodies = new byte[BatchEvents / BatchSize][];
        using var buffer = new PooledBufferWriter();
        for (var r = 0; r < _batchBodies.Length; r++)
        {
            var events = new List<InngestEvent>(BatchSize);
            for (var i = 0; i < BatchSize; i++)
            {
                events.Add(Payloads.Account(r * BatchSize + i).ToEvent(user: Payloads.AccountUser));
            }

            buffer.Clear();
            EnvelopeWriter.WriteBody(buffer, events, 0, events.Count, Payloads.Timestamp, int.MaxValue, JsonMetadataResolver.Default);
            _batchBodies[r] = buffer.WrittenSpan.ToArray();
        }

        buffer.Clear();
        EnvelopeWriter.WriteBody(buffer, new InngestEvent[] { Payloads.Account().ToEvent(user: Payloads.AccountUser) }, 0, 1, Payloads.Timestamp, int.MaxValue, JsonMetadataResolver.Default);
        _singleBody = buffer.WrittenSpan.ToArray();
    }

    public override void Dispose() => _http.Dispose();

    protected override async Task BatchAsync()
    {
        foreach (var body in _batchBodies)
        {
            await PostAsync(body).ConfigureAwait(false);
        }
    }

    protected override Task SendOneAsync(int index) => PostAsync(_singleBody);

    private async Task PostAsync(byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url);
        request.Headers.TryAddWithoutValidation("User-Agent", InngestClient.SdkName);
        request.Headers.TryAddWithoutValidation("x-inngest-sdk", InngestClient.SdkName);
        request.Headers.TryAddWithoutValidation("x-inngest-event-id-seed", "1767225600000,AAAAAAAAAAAAAA==");
        request.Content = new ByteArrayContent(body) { Headers = { ContentType = Json } };
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        if ((int)response.StatusCode != 200)
        {
            throw new InvalidOperationException($"the sink answered {(int)response.StatusCode}");
        }

        // Drain the answer into a pooled buffer, as the library does, without parsing it.
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (await stream.ReadAsync(chunk).ConfigureAwait(false) > 0)
            {
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}

/// <summary>
/// What a careful user writes without this library: the envelopes built and serialized with a hand-written
/// System.Text.Json source-generated context <b>inside</b> the timed operation (into a reused pooled buffer, one
/// request per 1,000 events), the same URL and headers (with an id seed per request, as a retry-safe client needs),
/// and the answer's ids read with the same context. No checks, no retries, no telemetry.
/// </summary>
public sealed class CarefulUserSender : Sender
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly AccountCreated[] _batch;
    private readonly EnvelopeUser _user = new() { ExternalId = Payloads.AccountUser.ExternalId, Email = Payloads.AccountUser.Email };

    public CarefulUserSender(Uri sink, HttpMessageHandler? handler = null)
    {
        _http = CreateHttpClient(handler);
        _url = new Uri(sink, "e/" + EventKey);
        _batch = new AccountCreated[BatchEvents];
        for (var i = 0; i < _batch.Length; i++)
        {
            _batch[i] = Payloads.Account(i);
        }
    }

    public override void Dispose() => _http.Dispose();

    protected override async Task BatchAsync()
    {
        for (var r = 0; r < BatchEvents / BatchSize; r++)
        {
            var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var envelopes = new List<Envelope<AccountCreated>>(BatchSize);
            for (var i = r * BatchSize; i < (r + 1) * BatchSize; i++)
            {
                envelopes.Add(new Envelope<AccountCreated> { Name = AccountCreated.EventName, Data = _batch[i], User = _user, Ts = ts });
            }

            await PostAsync(envelopes, ts).ConfigureAwait(false);
        }
    }

    protected override Task SendOneAsync(int index)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return PostAsync(new List<Envelope<AccountCreated>>(1) { new() { Name = AccountCreated.EventName, Data = _batch[index], User = _user, Ts = ts } }, ts);
    }

    private async Task PostAsync(List<Envelope<AccountCreated>> envelopes, long ts)
    {
        using var body = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(body, BaselineSettings.WriterOptions))
        {
            JsonSerializer.Serialize(writer, envelopes, HandWrittenJson.Default.ListEnvelopeAccountCreated);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _url);
        request.Headers.TryAddWithoutValidation("User-Agent", InngestClient.SdkName);
        request.Headers.TryAddWithoutValidation("x-inngest-sdk", InngestClient.SdkName);
        request.Headers.TryAddWithoutValidation("x-inngest-event-id-seed", ts.ToString(System.Globalization.CultureInfo.InvariantCulture) + "," + Convert.ToBase64String(Guid.NewGuid().ToByteArray(), 0, 10));
        request.Content = new ReadOnlyMemoryContent(body.WrittenMemory) { Headers = { ContentType = Json } };
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        if ((int)response.StatusCode != 200)
        {
            throw new InvalidOperationException($"the sink answered {(int)response.StatusCode}");
        }

        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var answer = await JsonSerializer.DeserializeAsync(stream, CarefulUserJson.Default.EventApiAnswer).ConfigureAwait(false);
        if (answer?.Ids is not { } ids || ids.Length != envelopes.Count)
        {
            throw new InvalidOperationException($"expected {envelopes.Count} ids, got {answer?.Ids?.Length}");
        }
    }
}

/// <summary>The Event API's answer as a careful user would declare it.</summary>
public sealed record EventApiAnswer(string[]? Ids, int Status);

/// <summary>The careful user's context for the answer.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(EventApiAnswer))]
public sealed partial class CarefulUserJson : JsonSerializerContext
{
}
