using System;

namespace Inngest.Benchmarks.Receiving;

/// <summary>
/// A noise-tolerant side check of the receiving suite, as the serialization suite has one: the variants run
/// interleaved in rounds, timed with the thread's CPU clock, and each keeps its fastest round (the minimum filters
/// out time other processes take on a shared machine).
/// </summary>
internal static class ReceivingQuickCompare
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 15;
        foreach (var body in Enum.GetValues<ReceivedBody>())
        {
            var b = new ReceivingBenchmarks { Body = body };
            b.Setup();
            var variants = new (string Name, Func<object> Run)[]
            {
                ("STJ source-gen envelope (baseline)", b.SystemTextJson),
                ("InngestEvent.Parse<T>", b.Typed),
                ("InngestEvent.Parse (dispatch)", b.Untyped),
                ("data only, STJ's own metadata", b.DataWithStjMetadata),
                ("data only, generated metadata", b.DataWithGeneratedMetadata),
            };
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
