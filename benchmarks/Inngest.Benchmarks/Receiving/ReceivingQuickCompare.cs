using System;
using System.Linq;

namespace Inngest.Benchmarks.Receiving;

/// <summary>
/// A noise-tolerant side check of the receiving suite, as the serialization suite has one: the variants run
/// interleaved in rounds, timed with the thread's CPU clock, and each keeps its fastest round (the minimum filters
/// out time other processes take on a shared machine). Every variant of both bodies is warmed first until the JIT has gone
/// quiet (<see cref="JitWarmup"/>), as the serialization harness is: timed before tier 1, whichever side was promoted
/// first won (docs/benchmarks.md, section 7).
/// </summary>
internal static class ReceivingQuickCompare
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 15;
        var bodies = Enum.GetValues<ReceivedBody>().Select(body =>
        {
            var b = new ReceivingBenchmarks { Body = body };
            b.Setup();
            return (Body: body, Variants: new (string Name, Func<object> Run)[]
            {
                ("STJ source-gen envelope (baseline)", b.SystemTextJson),
                ("InngestEvent.Parse<T>", b.Typed),
                ("InngestEvent.Parse (dispatch)", b.Untyped),
                ("data only, STJ's own metadata", b.DataWithStjMetadata),
                ("data only, generated metadata", b.DataWithGeneratedMetadata),
                ("data only, generated reader", b.DataWithGeneratedReader),
            });
        }).ToArray();
        var warmup = JitWarmup.Run(
            bodies.SelectMany(b => b.Variants).Select(v => (Func<long>)(() => v.Run() is null ? 0 : 1)).ToArray(),
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(30));
        Console.WriteLine($"warm-up {warmup.Elapsed.TotalSeconds:0.0} s, {warmup.MethodsCompiled} methods compiled, quiet: {warmup.Quiet}");
        foreach (var (body, variants) in bodies)
        {
            var ops = body == ReceivedBody.AccountCreated ? 20_000 : 2_000;
            var best = new double[variants.Length];
            Array.Fill(best, double.MaxValue);
            for (var r = 0; r < rounds; r++)
            {
                for (var v = 0; v < variants.Length; v++)
                {
                    var t0 = ThreadCpuClock.NowNs();
                    for (var i = 0; i < ops; i++)
                    {
                        variants[v].Run();
                    }

                    best[v] = Math.Min(best[v], (double)(ThreadCpuClock.NowNs() - t0) / ops);
                }
            }

            Console.WriteLine($"{body}:");
            for (var v = 0; v < variants.Length; v++)
            {
                Console.WriteLine($"  {variants[v].Name,-36} {best[v],10:N0} ns  ratio {best[v] / best[0]:0.00}");
            }
        }

        return 0;
    }
}
