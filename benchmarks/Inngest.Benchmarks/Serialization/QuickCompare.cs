using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Inngest.Benchmarks.Serialization;

namespace Inngest.Benchmarks;

/// <summary>
/// A noise-tolerant measurement of the serialization suite in thread CPU time: the variants run interleaved in short
/// slices (about a quarter of a millisecond each), round after round, so load from other processes and changes of the
/// CPU's speed hit them alike. Per variant it keeps the fastest slice (what the code costs when nothing disturbs it),
/// and per round the ratio to the library's slice of the same round; the ratio reported is the fastest slices'.
/// </summary>
internal static class QuickCompare
{
    /// <summary>The ratios the regression guard reads: STJ source-gen envelope type / library, per body.</summary>
    public sealed record Result(Body Body, string[] Names, double[] BestNs, double[] MedianPairedRatio, JitWarmup.Report Warmup, double[] BytesPerBody);

    public static int Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
        var bodies = args.Length > 1 ? args[1].Split(',').Select(Enum.Parse<Body>).ToArray() : Enum.GetValues<Body>();
        foreach (var result in Measure(rounds, bodies, includeSlow: args.Length < 3))
        {
            Print(result);
        }

        return 0;
    }

    public static void Print(Result result)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Body}: (warm-up {result.Warmup.Elapsed.TotalSeconds:0.0} s, {result.Warmup.MethodsCompiled} methods compiled meanwhile{(result.Warmup.Quiet ? "" : ", the JIT never went quiet")})"));
        for (var v = 0; v < result.Names.Length; v++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {result.Names[v],-34} {result.BestNs[v],14:N0} ns  time ratio {result.BestNs[v] / result.BestNs[0]:0.00}  (median of paired rounds {result.MedianPairedRatio[v]:0.00})  {result.BytesPerBody[v],10:N0} B per body"));
        }
    }

    public static List<Result> Measure(int rounds, Body[] bodies, bool includeSlow)
    {
        // Every body's variants are set up and warmed together first (they share most of their code), so one warm-up
        // serves them all, and no body is timed while another's code is still being compiled.
        var setups = bodies.Select(body => Variants(body, includeSlow)).ToList();
        var warmup = JitWarmup.Run(setups.SelectMany(s => s.Variants.Select(v => v.Run)).ToArray(), WarmupQuietFor, WarmupLimit);
        var results = new List<Result>();
        foreach (var (body, b, variants) in setups)
        {
            var ops = OpsPerSlice(variants[0].Run, targetNs: 250_000);
            var best = new double[variants.Count];
            Array.Fill(best, double.MaxValue);
            var paired = variants.Select(_ => new List<double>()).ToArray();
            var slice = new double[variants.Count];
            for (var r = 0; r < rounds; r++)
            {
                // The order rotates so no variant always runs right after the same other one.
                for (var k = 0; k < variants.Count; k++)
                {
                    var v = (k + r) % variants.Count;
                    slice[v] = (double)JitWarmup.TimeSlice(variants[v].Run, ops) / ops;
                    best[v] = Math.Min(best[v], slice[v]);
                }

                for (var v = 0; v < variants.Count; v++)
                {
                    paired[v].Add(slice[v] / slice[0]);
                }
            }

            // Bytes the thread allocates per body, exact (after the timed rounds, so nothing is first-time any more).
            var bytes = variants.Select(v =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                JitWarmup.TimeSlice(v.Run, ops);
                return (double)(GC.GetAllocatedBytesForCurrentThread() - before) / ops;
            }).ToArray();
            b.Cleanup();
            results.Add(new Result(body, variants.Select(v => v.Name).ToArray(), best, paired.Select(EndToEnd.CrossLanguage.Median).ToArray(), warmup, bytes));
        }

        return results;
    }

    private static (Body Body, SerializationBenchmarks Benchmarks, List<(string Name, Func<long> Run)> Variants) Variants(Body body, bool includeSlow)
    {
        var b = new SerializationBenchmarks { Body = body };
        b.Setup();
        var variants = new List<(string Name, Func<long> Run)>
        {
            ("Inngest.Typed (generated)", () => b.Generated()),
            ("STJ source-gen, envelope type", () => b.StjSourceGenEnvelopeType()),
            ("STJ source-gen, envelope by hand", () => b.StjSourceGenEnvelopeByHand()),
        };
        if (includeSlow)
        {
            variants.Add(("STJ envelope type, unvalidated", () => b.StjSourceGenEnvelopeTypeUnvalidated()));
            variants.Add(("data only, Inngest fast path", () => b.DataOnlyGenerated()));
            variants.Add(("data only, STJ fast path", () => b.DataOnlyStj()));
            variants.Add(("STJ reflection", () => b.StjReflection()));
            variants.Add(("Newtonsoft.Json", () => b.NewtonsoftJson()));
        }

        return (body, b, variants);
    }

    /// <summary>How long the warm-up waits without the JIT compiling anything before the timed rounds start, and at most.</summary>
    private static readonly TimeSpan WarmupQuietFor = TimeSpan.FromSeconds(1), WarmupLimit = TimeSpan.FromSeconds(30);

    /// <summary>How many operations take about <paramref name="targetNs"/> of CPU time (measured after the warm-up).</summary>
    private static int OpsPerSlice(Func<long> run, long targetNs)
    {
        var ops = 1;
        long spent;
        while ((spent = JitWarmup.TimeSlice(run, ops)) < 20_000_000L)
        {
            ops *= 2;
        }

        return Math.Max(1, (int)(targetNs * ops / spent));
    }
}
