using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Benchmarks.Model;

namespace Inngest.Benchmarks.EndToEnd;

/// <summary>
/// <c>ladder</c>: where the single-send gap between the bare post and the library goes. Rungs from the bare post of
/// <see cref="RawSender"/> to the library, each adding one thing the library does, all posting the seed event to the
/// same <see cref="EventApiSink"/> (one after another, or 16 in flight with <c>--workload Concurrent16x1000</c>),
/// interleaved operation by operation in one process after a warm-up until the JIT is quiet; each rung's median wall
/// clock of 1,000 sends is compared with the rung before and the bare post, beside the process CPU per send
/// (docs/benchmarks.md, section 6e). <c>--spin N</c> runs rung N alone in a loop, for a profiler.
/// </summary>
internal static class SendLadder
{
    public static async Task<int> RunAsync(string[] args)
    {
        var iterations = CrossLanguage.IntArg(args, "--iterations", 21);
        await using var sink = await EventApiSink.StartAsync();
        var rungs = new List<(string Name, Sender Sender)>
        {
            ("bare post (pre-serialized, constant headers)", new Rung(sink.BaseUrl, RungSteps.None)),
            ("+ the library's headers and a fresh seed", new Rung(sink.BaseUrl, RungSteps.Headers)),
            ("+ a cancellable token, never armed", new Rung(sink.BaseUrl, RungSteps.Headers | RungSteps.Token)),
            ("+ a pooled attempt-timeout token", new Rung(sink.BaseUrl, RungSteps.Headers | RungSteps.Timeout)),
            ("+ the body written per send", new Rung(sink.BaseUrl, RungSteps.Headers | RungSteps.Timeout | RungSteps.Body)),
            ("+ the answer's ids parsed", new Rung(sink.BaseUrl, RungSteps.Headers | RungSteps.Timeout | RungSteps.Body | RungSteps.Parse)),
            ("(the same through HttpMessageInvoker)", new Rung(sink.BaseUrl, RungSteps.Headers | RungSteps.Timeout | RungSteps.Body | RungSteps.Parse | RungSteps.Invoker)),
            ("(the same under 3 more async levels)", new Rung(sink.BaseUrl, RungSteps.Headers | RungSteps.Timeout | RungSteps.Body | RungSteps.Parse | RungSteps.Levels)),
            ("through the library's AttemptSender", new AttemptRung(sink.BaseUrl)),
            ("InngestClient.SendAsync(made event)", new ClientRung(sink.BaseUrl)),
            ("Inngest.Typed client", new TypedSender(sink.BaseUrl)),
            ("Inngest.Typed client, own handler", new TypedSender(sink.BaseUrl, transport: TypedTransport.OwnHandler)),
            ("Inngest.Typed client, AddInngest()", new TypedSender(sink.BaseUrl, transport: TypedTransport.DependencyInjection)),
        };
        var only = CrossLanguage.StringArg(args, "--rungs", string.Empty);
        if (only.Length > 0)
        {
            // A subset of the rungs (indexes from 0), for repeating one comparison with less noise between them.
            var keep = only.Split(',').Select(int.Parse).ToHashSet();
            foreach (var dropped in rungs.Where((_, i) => !keep.Contains(i)).ToList())
            {
                dropped.Sender.Dispose();
                rungs.Remove(dropped);
            }
        }

        try
        {
            var measured = Enum.Parse<Workload>(CrossLanguage.StringArg(args, "--workload", nameof(Workload.Sequential1000)));
            if (CrossLanguage.IntArg(args, "--spin", -1) is var spin and >= 0)
            {
                await SpinAsync(rungs[spin], measured, TimeSpan.FromSeconds(CrossLanguage.IntArg(args, "--seconds", 20)));
                return 0;
            }

            var samples = rungs.Select(_ => new List<double>()).ToArray();
            var cpu = rungs.Select(_ => new List<double>()).ToArray();
            await WarmAsync(rungs.Select(r => r.Sender).ToArray(), measured);
            for (var i = 0; i < iterations; i++)
            {
                for (var k = 0; k < rungs.Count; k++)
                {
                    var r = (k + i) % rungs.Count;
                    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                    var clock = Stopwatch.StartNew();
                    await rungs[r].Sender.RunAsync(measured);
                    samples[r].Add(clock.Elapsed.TotalMilliseconds);
                    cpu[r].Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
                }
            }

            var bare = Median(samples[0]);
            var previous = bare;
            Console.WriteLine($"{measured}, {iterations} operations per rung, load average {LoadAverage()}");
            Console.WriteLine("| Rung | Median ms | us per send over the rung before | vs the bare post | Process CPU per send (median, sink included) |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            for (var r = 0; r < rungs.Count; r++)
            {
                var median = Median(samples[r]);
                var step = r == 0 || r == rungs.Count - 1 ? string.Empty : Math.Round(median - previous, 1).ToString("+0.0;-0.0;0.0", System.Globalization.CultureInfo.InvariantCulture);
                Console.WriteLine($"| {rungs[r].Name} | {median:0.0} | {step} | {bare / median:0.00}x | {Median(cpu[r]):0.0} us |");
                previous = r == rungs.Count - 1 ? previous : median;
            }

            return 0;
        }
        finally
        {
            foreach (var (_, sender) in rungs)
            {
                sender.Dispose();
            }
        }
    }

    /// <summary>One rung in a loop for <paramref name="duration"/>, for a profiler (docs/benchmarks.md, "How to reproduce").</summary>
    private static async Task SpinAsync((string Name, Sender Sender) rung, Workload workload, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var operations = 0;
        while (clock.Elapsed < duration)
        {
            await rung.Sender.RunAsync(workload);
            operations++;
        }

        Console.WriteLine($"{rung.Name}: {operations * Sender.Singles} sends in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task WarmAsync(Sender[] senders, Workload workload)
    {
        var last = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false);
        for (var round = 0; round < 60; round++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var sender in senders)
            {
                await sender.RunAsync(workload);
            }

            var now = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false);
            if (round >= 3 && (now - last) / clock.Elapsed.TotalSeconds < 10)
            {
                return;
            }

            last = now;
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }

    private static string LoadAverage()
    {
        try
        {
            return System.IO.File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (System.IO.IOException)
        {
            return "?";
        }
    }

    private sealed class AttemptRung : Sender
    {
        private readonly HttpClient _http = CreateHttpClient();
        private readonly Uri _url;
        private readonly AttemptSender _attempts;

        public AttemptRung(Uri sink)
        {
            _url = new Uri(sink, "e/" + EventKey);
            _attempts = new AttemptSender(_http, false, TimeProvider.System, TimeSpan.FromSeconds(30), new Redactor(EventKey, _url));
        }

        public override void Dispose() => _http.Dispose();

        protected override Task BatchAsync() => throw new NotSupportedException();

        protected override async Task SendOneAsync(int index)
        {
            var requests = RequestBatcher.Prepare([Payloads.Account(index).ToEvent(user: Payloads.AccountUser)], Payloads.Timestamp, 1000, 1 << 20, 1 << 20, JsonMetadataResolver.Default);
            try
            {
                var result = await _attempts.SendAsync(_url, null, requests[0], CancellationToken.None).ConfigureAwait(false);
                if (result.Ids is not { Count: 1 })
                {
                    throw new InvalidOperationException("expected one id");
                }
            }
            finally
            {
                requests[0].Dispose();
            }
        }
    }

    private sealed class ClientRung : Sender
    {
        private readonly HttpClient _http = CreateHttpClient();
        private readonly InngestClient _client;
        private readonly InngestEvent[] _events = [Payloads.Account().ToEvent(user: Payloads.AccountUser)];

        public ClientRung(Uri sink)
        {
            _client = new InngestClient(_http, new InngestClientOptions { EventKey = EventKey, BaseUrl = sink.ToString(), EnvironmentReader = static _ => null });
        }

        public override void Dispose() => _http.Dispose();

        protected override Task BatchAsync() => throw new NotSupportedException();

        protected override async Task SendOneAsync(int index)
        {
            var result = await _client.SendAsync(_events).ConfigureAwait(false);
            if (result.Ids.Count != 1)
            {
                throw new InvalidOperationException("expected one id");
            }
        }
    }

    /// <summary>What a <see cref="Rung"/> adds to the bare post.</summary>
    [Flags]
    private enum RungSteps
    {
        None = 0,

        /// <summary>The library's SDK headers and a fresh id seed per request.</summary>
        Headers = 1,

        /// <summary>A cancellation source armed with the attempt timeout before the post and reset after it.</summary>
        Timeout = 2,

        /// <summary>A fresh event written into a fresh pooled body per send.</summary>
        Body = 4,

        /// <summary>The answer read and its ids parsed as the library does.</summary>
        Parse = 8,

        /// <summary>A cancellable token passed along, never armed.</summary>
        Token = 16,

        /// <summary>The post made through an <see cref="HttpMessageInvoker"/> on a handler instead of an <see cref="HttpClient"/>.</summary>
        Invoker = 32,

        /// <summary>The post awaited under three more async methods (a Task and two pooled ValueTasks), as the library's call structure had.</summary>
        Levels = 64,
    }

    /// <summary>A bare post plus <see cref="RungSteps"/> of what the library adds, made with the library's own internals.</summary>
    private sealed class Rung : Sender
    {
        private static readonly MediaTypeHeaderValue Json = new("application/json");
        private readonly HttpClient _http = CreateHttpClient();
        private readonly HttpMessageInvoker _invoker = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(10) });
        private readonly Uri _url;
        private readonly RungSteps _steps;
        private readonly byte[] _body;
        private readonly CancellationTokenSource _timeout = new();
        private readonly InngestEvent[] _events = [Payloads.Account().ToEvent(user: Payloads.AccountUser)];

        public Rung(Uri sink, RungSteps steps)
        {
            _url = new Uri(sink, "e/" + EventKey);
            _steps = steps;
            using var buffer = new PooledBufferWriter();
            EnvelopeWriter.WriteBody(buffer, _events, 0, 1, Payloads.Timestamp, int.MaxValue, JsonMetadataResolver.Default);
            _body = buffer.WrittenSpan.ToArray();
        }

        public override void Dispose()
        {
            _http.Dispose();
            _invoker.Dispose();
        }

        protected override Task BatchAsync() => throw new NotSupportedException();

        protected override Task SendOneAsync(int index)
            => (_steps & RungSteps.Levels) != 0 ? Level1(index) : PostAsync(index);

        private async Task Level1(int index) => await Level2(index).ConfigureAwait(false);

        [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder))]
        private async ValueTask Level2(int index) => await Level3(index).ConfigureAwait(false);

        [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder))]
        private async ValueTask Level3(int index) => await PostAsync(index).ConfigureAwait(false);

        private async Task PostAsync(int index)
        {
            var token = (_steps & RungSteps.Token) != 0 ? _timeout.Token : CancellationToken.None;
            if ((_steps & RungSteps.Timeout) != 0)
            {
                _timeout.CancelAfter(TimeSpan.FromSeconds(30));
                token = _timeout.Token;
            }

            PooledBufferWriter? written = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _url);
                var headers = (_steps & RungSteps.Headers) != 0;
                request.Headers.TryAddWithoutValidation("User-Agent", headers ? InngestClient.SdkHeaderValue : InngestClient.SdkName);
                request.Headers.TryAddWithoutValidation("x-inngest-sdk", headers ? InngestClient.SdkHeaderValue : InngestClient.SdkName);
                request.Headers.TryAddWithoutValidation("x-inngest-event-id-seed", headers ? EnvelopeWriter.CreateSeed(Payloads.Timestamp) : "1767225600000,AAAAAAAAAAAAAA==");
                if ((_steps & RungSteps.Body) != 0)
                {
                    written = new PooledBufferWriter();
                    EnvelopeWriter.WriteBody(written, [Payloads.Account(index).ToEvent(user: Payloads.AccountUser)], 0, 1, Payloads.Timestamp, int.MaxValue, JsonMetadataResolver.Default);
                    request.Content = new ReadOnlyMemoryContent(written.WrittenMemory) { Headers = { ContentType = Json } };
                }
                else
                {
                    request.Content = new ByteArrayContent(_body) { Headers = { ContentType = Json } };
                }

                using var response = (_steps & RungSteps.Invoker) != 0
                    ? await _invoker.SendAsync(request, token).ConfigureAwait(false)
                    : await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                if ((_steps & RungSteps.Parse) != 0)
                {
                    var answer = await AnswerReader.ReadAsync(response, 1, token).ConfigureAwait(false);
                    if (answer.Ids is not { Count: 1 })
                    {
                        throw new InvalidOperationException("expected one id");
                    }

                    return;
                }

                using var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
                var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
                try
                {
                    while (await stream.ReadAsync(chunk, token).ConfigureAwait(false) > 0)
                    {
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(chunk);
                }
            }
            finally
            {
                written?.Dispose();
                if ((_steps & RungSteps.Timeout) != 0 && !_timeout.TryReset())
                {
                    throw new InvalidOperationException("the timeout fired");
                }
            }
        }
    }
}
