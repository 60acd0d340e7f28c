using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Inngest.Benchmarks.EndToEnd;

/// <summary>
/// The client's own cost per operation, without a network: every sender posts to a canned
/// <see cref="HttpMessageHandler"/> that answers at once with the sink's answer (so the whole send completes
/// synchronously on the calling thread), and each operation is measured in thread CPU time and in bytes allocated
/// by the thread (exact, since nothing runs elsewhere). The raw sender's figures are the bare <see cref="HttpClient"/>
/// post; the differences are what the library (or the careful user's code) adds.
/// </summary>
internal static class SendCost
{
    public static int Run(string[] args)
    {
        var rounds = CrossLanguage.IntArg(args, "--rounds", 30);
        if (args.Contains("--parts"))
        {
            Parts();
            return 0;
        }

        var sink = new Uri("http://127.0.0.1:9/");
        if (CrossLanguage.IntArg(args, "--spin", 0) is var seconds and > 0)
        {
            // The library's single sends against the canned handler in a loop, for a profiler (docs/benchmarks.md).
            using var spun = new TypedSender(sink, new CannedHandler(1));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                spun.RunAsync(Workload.Sequential1000).GetAwaiter().GetResult();
            }

            return 0;
        }

        var results = new List<string>();
        foreach (var workload in new[] { Workload.Sequential1000, Workload.Batch10kBy1000 })
        {
            var n = workload == Workload.Batch10kBy1000 ? Sender.BatchSize : 1;
            using var raw = new RawSender(sink, new CannedHandler(n));
            using var careful = new CarefulUserSender(sink, new CannedHandler(n));
            using var typed = new TypedSender(sink, new CannedHandler(n));
            var senders = new (string Name, Sender Sender)[] { ("raw HttpClient (limit)", raw), ("careful user (STJ source-gen in the loop)", careful), ("Inngest.Typed client", typed) };
            var bestNs = new double[senders.Length];
            var bytes = new double[senders.Length];
            Array.Fill(bestNs, double.MaxValue);
            if (rounds > 3)
            {
                WarmUp(senders.Select(s => s.Sender).ToArray(), workload);
            }

            for (var r = 0; r < rounds + 3; r++)
            {
                for (var k = 0; k < senders.Length; k++)
                {
                    var s = (k + r) % senders.Length;
                    var allocated = GC.GetAllocatedBytesForCurrentThread();
                    var t0 = ThreadCpuClock.NowNs();
                    var task = senders[s].Sender.RunAsync(workload);
                    if (!task.IsCompleted)
                    {
                        throw new InvalidOperationException($"{senders[s].Name} did not complete synchronously against the canned handler");
                    }

                    task.GetAwaiter().GetResult();
                    var ns = (double)(ThreadCpuClock.NowNs() - t0) / Sender.RequestsPer(workload);
                    var perRequest = (double)(GC.GetAllocatedBytesForCurrentThread() - allocated) / Sender.RequestsPer(workload);
                    if (r >= 3)
                    {
                        bestNs[s] = Math.Min(bestNs[s], ns);
                        bytes[s] = perRequest;
                    }
                }
            }

            Console.WriteLine($"{workload} (per request, canned handler, fastest of {rounds} rounds):");
            for (var s = 0; s < senders.Length; s++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {senders[s].Name,-42} {bestNs[s],12:N0} ns CPU  {bytes[s],10:N0} B allocated  (+{bestNs[s] - bestNs[0],10:N0} ns, +{bytes[s] - bytes[0],9:N0} B vs raw)"));
            }
        }

        return 0;
    }

    /// <summary>
    /// Untimed rounds until the JIT compiled fewer than 10 methods in the last second (at most 20 s): the library's own
    /// code starts at tier 0 while most of the baselines' is precompiled framework code (docs/benchmarks.md, section 7).
    /// </summary>
    private static void WarmUp(Sender[] senders, Workload workload)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var history = new List<(TimeSpan At, long Compiled)> { (TimeSpan.Zero, System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false)) };
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            foreach (var sender in senders)
            {
                sender.RunAsync(workload).GetAwaiter().GetResult();
            }

            var now = (clock.Elapsed, System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false));
            history.Add(now);
            var windowStart = history.FindLastIndex(h => now.Elapsed - h.At >= TimeSpan.FromSeconds(1));
            if (windowStart >= 0 && now.Item2 - history[windowStart].Compiled < 10)
            {
                break;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{workload}: warm-up {clock.Elapsed.TotalSeconds:0.0} s"));
    }

    private static void Parts()
    {
        void Time(string name, Action action)
        {
            for (var i = 0; i < 20000; i++) action();
            var best = double.MaxValue;
            for (var r = 0; r < 20; r++)
            {
                var a = GC.GetAllocatedBytesForCurrentThread();
                var t0 = ThreadCpuClock.NowNs();
                for (var i = 0; i < 2000; i++) action();
                best = Math.Min(best, (ThreadCpuClock.NowNs() - t0) / 2000.0);
                if (r == 19) Console.WriteLine($"  {name,-50} {best,8:N0} ns {(GC.GetAllocatedBytesForCurrentThread() - a) / 2000.0,8:N0} B");
            }
        }

        Time("new CTS(30 s, TimeProvider.System) + Dispose", () => { using var c = new CancellationTokenSource(TimeSpan.FromSeconds(30), TimeProvider.System); });
        Time("CreateLinkedTokenSource(none, cts) + Dispose", () => { using var c = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken.None, Shared.Token); });
        Time("RandomNumberGenerator.Fill(10)", () => { Span<byte> b = stackalloc byte[10]; System.Security.Cryptography.RandomNumberGenerator.Fill(b); });
        Time("CreateSeed", () => EnvelopeWriter.CreateSeed(1767225600000));
        var http = new HttpClient(new CannedHandler(1));
        var url = new Uri("http://127.0.0.1:9/e/x");
        var body = System.Text.Encoding.UTF8.GetBytes("[{\"name\":\"a\",\"data\":{}}]");
        Time("HttpClient.SendAsync, no token", () => { using var m = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) }; http.SendAsync(m, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult().Dispose(); });
        Time("HttpClient.SendAsync, cancelable token", () => { using var m = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) }; http.SendAsync(m, HttpCompletionOption.ResponseHeadersRead, Shared.Token).GetAwaiter().GetResult().Dispose(); });
        var memory = new ReadOnlyMemory<byte>(body);
        Time("request message, 3 headers, ReadOnlyMemoryContent + type", () =>
        {
            using var m = new HttpRequestMessage(HttpMethod.Post, url);
            m.Headers.TryAddWithoutValidation("User-Agent", "a");
            m.Headers.TryAddWithoutValidation("x-inngest-sdk", "a");
            m.Headers.TryAddWithoutValidation("x-inngest-event-id-seed", "s");
            var c = new ReadOnlyMemoryContent(memory);
            c.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            m.Content = c;
        });
        var answerBytes = EventApiSink.BuildAnswerForBenchmarks(1);
        Time("answer: Content.Headers.ContentLength", () => { using var r = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(answerBytes) }; _ = r.Content.Headers.ContentLength; });
        Time("answer: response.Headers (Retry-After lookup)", () => { using var r = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(answerBytes) }; _ = r.Headers.NonValidated.Contains("Retry-After"); });
        Time("answer: ReadAsStreamAsync + read", () =>
        {
            using var r = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(answerBytes) };
            using var st = r.Content.ReadAsStreamAsync().GetAwaiter().GetResult();
            Span<byte> chunk = stackalloc byte[256];
            while (st.Read(chunk) > 0)
            {
            }
        });
        Time("activity start (no listener)", () => InngestTelemetry.Source.StartActivity("x")?.Dispose());
        var one = new InngestEvent[] { Model.Payloads.Account().ToEvent(user: Model.Payloads.AccountUser) };
        Time("RequestBatcher.Prepare (1 event) + Dispose", () => { foreach (var r in RequestBatcher.Prepare(one, 1767225600000, 1000, 3 << 20, 3 << 20, JsonMetadataResolver.Default)) r.Dispose(); });
        var answer = EventApiSink.BuildAnswerForBenchmarks(1);
        Time("ResponseBody.Parse (1 id)", () => ResponseBody.Parse(answer));
        var redactor = new Redactor("bench-event-key");
        var attempts = new AttemptSender(http, false, TimeProvider.System, TimeSpan.FromSeconds(30), redactor);
        var prepared = RequestBatcher.Prepare(one, 1767225600000, 1000, 3 << 20, 3 << 20, JsonMetadataResolver.Default)[0];
        Time("AttemptSender.SendAsync (canned)", () => attempts.SendAsync(url, null, prepared, default).AsTask().GetAwaiter().GetResult());
        using var client = new InngestClient(new HttpClient(new CannedHandler(1)), new InngestClientOptions { EventKey = "k", BaseUrl = "http://127.0.0.1:9/", EnvironmentReader = static _ => null });
        Time("InngestClient.SendAsync(event[]) (canned)", () => client.SendAsync(one).GetAwaiter().GetResult());
        Time("TimeProvider.System.GetUtcNow", () => TimeProvider.System.GetUtcNow());
    }

    private static readonly CancellationTokenSource Shared = new();

    /// <summary>
    /// Answers every POST at once with <c>count</c> ULID-shaped ids (the sink's answer), after writing the request's
    /// content to <see cref="System.IO.Stream.Null"/> as a real handler writes it to the connection.
    /// </summary>
    private sealed class CannedHandler(int count) : HttpMessageHandler
    {
        private readonly byte[] _answer = EventApiSink.BuildAnswerForBenchmarks(count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(Send(request, cancellationToken));

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Content!.CopyTo(System.IO.Stream.Null, null, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(_answer), RequestMessage = request };
        }
    }
}
