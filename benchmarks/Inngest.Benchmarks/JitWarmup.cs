using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime;

namespace Inngest.Benchmarks;

/// <summary>
/// Warms every variant of a comparison until the JIT has nothing left to do, so the timed rounds measure the code
/// each side runs in steady state (tier 1 with dynamic PGO) and not a mix of tier-0, instrumented and optimized code.
/// Tiered compilation promotes a method only after a quiet period without new tier-0 work, call counting and a
/// background compile (two steps with PGO: instrumented, then optimized), so a fixed warm-up of a few hundred
/// milliseconds ends, on a busy machine, anywhere between these steps, and where it ends differs per process and per
/// side: that was the 2x swing of the serialization ratio between processes (docs/benchmarks.md, section 7).
/// </summary>
internal static class JitWarmup
{
    /// <summary>What the warm-up did: how long it took, how many methods the JIT compiled meanwhile, and whether it went quiet.</summary>
    public readonly record struct Report(TimeSpan Elapsed, long MethodsCompiled, bool Quiet);

    /// <summary>
    /// Runs the variants in turn, <paramref name="sliceNs"/> of CPU time each through <see cref="TimeSlice"/> (the
    /// method the timed rounds use, so it is optimized too), until no method was compiled for
    /// <paramref name="quietFor"/> of wall-clock time (the JIT's background thread needs wall-clock time, not ours), or
    /// until <paramref name="limit"/>.
    /// </summary>
    public static Report Run(IReadOnlyList<Func<long>> variants, TimeSpan quietFor, TimeSpan limit, long sliceNs = 5_000_000)
    {
        var clock = Stopwatch.StartNew();
        var start = JitInfo.GetCompiledMethodCount(currentThread: false);
        var last = start;
        var lastChange = TimeSpan.Zero;
        while (clock.Elapsed < limit)
        {
            foreach (var variant in variants)
            {
                var ops = 1;
                var spent = 0L;
                while (spent < sliceNs)
                {
                    spent += TimeSlice(variant, ops);
                    ops = Math.Min(ops * 2, 1 << 16);
                }
            }

            var now = JitInfo.GetCompiledMethodCount(currentThread: false);
            if (now != last)
            {
                last = now;
                lastChange = clock.Elapsed;
            }
            else if (clock.Elapsed - lastChange >= quietFor)
            {
                return new Report(clock.Elapsed, now - start, Quiet: true);
            }
        }

        return new Report(clock.Elapsed, last - start, Quiet: false);
    }

    /// <summary>CPU time of the calling thread, in nanoseconds, for <paramref name="ops"/> calls of <paramref name="run"/>.</summary>
    public static long TimeSlice(Func<long> run, int ops)
    {
        var t0 = ThreadCpuClock.NowNs();
        for (var i = 0; i < ops; i++)
        {
            run();
        }

        return ThreadCpuClock.NowNs() - t0;
    }
}
