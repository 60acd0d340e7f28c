using System;
using System.Collections.Generic;
using System.Linq;

namespace Inngest.Reliability.Tests;

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
    public static IReadOnlyList<Fault> AllFaults => FaultCatalog.All;

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
