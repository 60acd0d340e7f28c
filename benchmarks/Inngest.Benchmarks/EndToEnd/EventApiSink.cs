using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inngest.Benchmarks.EndToEnd;

/// <summary>
/// A lean Event API stand-in for benchmarks: Kestrel on 127.0.0.1 (random port), <c>POST /e/{key}</c>
/// with a JSON array body answers <c>{"ids":[...],"status":200}</c> with one id per event, like
/// tests/Inngest.Testing.Server/CaptureServer.cs but without recording anything. It reads the whole
/// body and counts the events with <see cref="Utf8JsonReader"/>; the answer for each event count is
/// built once (ids are fixed 26-character ULID-shaped strings, not derived from the seed).
/// Anything else gets a 400, so a client that sends a malformed body fails its benchmark.
/// </summary>
public sealed class EventApiSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<int, byte[]> _answers = new();
    private long _requests;
    private long _events;
    private long _rejected;

    private EventApiSink(WebApplication app)
    {
        _app = app;
    }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Requests answered with 200.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Events acknowledged.</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>Requests answered with 400.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    public static async Task<EventApiSink> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            k.AddServerHeader = false;
        });
        var app = builder.Build();
        var sink = new EventApiSink(app);
        app.Run(sink.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sink.BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1").TrimEnd('/') + "/");
        return sink;
    }

    public void ResetCounters()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _events, 0);
        Interlocked.Exchange(ref _rejected, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.Path.StartsWithSegments("/e"))
        {
            await RejectAsync(context, "not an event request").ConfigureAwait(false);
            return;
        }

        var reader = request.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            if (read.IsCompleted)
            {
                break;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End); // keep everything, ask for more
        }

        var count = CountEvents(read.Buffer);
        reader.AdvanceTo(read.Buffer.End);
        if (count < 0)
        {
            await RejectAsync(context, "body is not a JSON array of event objects").ConfigureAwait(false);
            return;
        }

        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _events, count);
        var answer = _answers.GetOrAdd(count, static n => BuildAnswer(n));
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = answer.Length;
        await context.Response.Body.WriteAsync(answer, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task RejectAsync(HttpContext context, string error)
    {
        Interlocked.Increment(ref _rejected);
        context.Response.StatusCode = 400;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"error\":\"" + error + "\",\"status\":400}", context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The number of objects in a top-level JSON array, or -1 when the body is not one.</summary>
    internal static int CountEvents(ReadOnlySequence<byte> body)
    {
        try
        {
            var json = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 256 });
            if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
            {
                return -1;
            }

            var count = 0;
            while (json.Read() && json.TokenType != JsonTokenType.EndArray)
            {
                if (json.TokenType != JsonTokenType.StartObject)
                {
                    return -1;
                }

                json.Skip();
                count++;
            }

            return json.TokenType == JsonTokenType.EndArray ? count : -1;
        }
        catch (JsonException)
        {
            return -1;
        }
    }

    /// <summary>The answer for <paramref name="count"/> events (also for the in-process cost harness).</summary>
    internal static byte[] BuildAnswerForBenchmarks(int count) => BuildAnswer(count);

    private static byte[] BuildAnswer(int count)
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var text = new StringBuilder(count * 29 + 32).Append("{\"ids\":[");
        Span<char> id = stackalloc char[26];
        for (var i = 0; i < count; i++)
        {
            "01H08W4TMBNKMEWFD0T".AsSpan().CopyTo(id);
            var n = i;
            for (var c = 25; c >= 19; c--)
            {
                id[c] = alphabet[n & 31];
                n >>= 5;
            }

            text.Append(i == 0 ? "\"" : ",\"").Append(id).Append('"');
        }

        return Encoding.UTF8.GetBytes(text.Append("],\"status\":200}").ToString());
    }
}
