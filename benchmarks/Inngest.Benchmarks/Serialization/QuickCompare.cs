using System;
using System.Diagnostics;
using Inngest.Benchmarks.Serialization;

namespace Inngest.Benchmarks;

/// <summary>
/// A noise-tolerant side check of the serialization suite: runs the variants interleaved in rounds
/// and keeps each one's fastest round (the minimum filters out time stolen by other processes).
/// </summary>
internal static class QuickCompare
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 15;
        foreach (var body in Enum.GetValues<Body>())
        {
            var b = new SerializationBenchmarks { Body = body };
            b.Setup();
            var variants = new (string Name, Func<long> Run)[]
            {
                ("Inngest.Typed (generated)", () => b.Generated()),
                ("STJ source-gen, envelope type", () => b.StjSourceGenEnvelopeType()),
                ("STJ source-gen, envelope by hand", () => b.StjSourceGenEnvelopeByHand()),
                ("STJ reflection", () => b.StjReflection()),
                ("Newtonsoft.Json", () => b.NewtonsoftJson()),
            };
            var ops = body == Body.Order2KBx1000 ? 5 : 5000;
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
                Console.WriteLine($"  {variants[v].Name,-34} {best[v],14:N0} ns  ratio {best[v] / best[0]:0.00}");
            }

            b.Cleanup();
        }

        return 0;
    }
}
