using System;
using System.Globalization;

namespace Inngest.Generators.Oracle.Tests.Harness;

/// <summary>Run-size knobs, read from the environment (defaults keep the CI run near a minute).</summary>
internal static class OracleSettings
{
    /// <summary>ORACLE_SAMPLES: random values per hand-written case (default 20).</summary>
    public static int SamplesPerCase { get; } = Int("ORACLE_SAMPLES", 20);

    /// <summary>ORACLE_SEED: the random seed (default: fixed per case, so CI runs are repeatable).</summary>
    public static ulong? Seed { get; } = Environment.GetEnvironmentVariable("ORACLE_SEED") is { Length: > 0 } s ? ulong.Parse(s, CultureInfo.InvariantCulture) : null;

    /// <summary>ORACLE_CORPUS_TYPES: model types per third-party library ("all" for every one; default 20).</summary>
    public static int CorpusTypes { get; } = Environment.GetEnvironmentVariable("ORACLE_CORPUS_TYPES") is "all" ? int.MaxValue : Int("ORACLE_CORPUS_TYPES", 20);

    /// <summary>ORACLE_CORPUS_SAMPLES: random values per model type (default 3).</summary>
    public static int CorpusSamples { get; } = Int("ORACLE_CORPUS_SAMPLES", 3);

    /// <summary>The seed for one named thing: ORACLE_SEED mixed with the name, or the name's own hash.</summary>
    public static ulong SeedFor(string name)
    {
        // FNV-1a: stable across processes (string.GetHashCode is not).
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return Seed is { } seed ? hash ^ seed : hash;
    }

    private static int Int(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } s ? int.Parse(s, CultureInfo.InvariantCulture) : fallback;
}
