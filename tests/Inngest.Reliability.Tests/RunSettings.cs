using System;
using System.Globalization;
using System.IO;

namespace Inngest.Reliability.Tests;

/// <summary>
/// Sizes of the long runs. CI runs the small sizes; <c>INNGEST_RELIABILITY_FULL=1</c> runs the
/// published ones. <c>INNGEST_RELIABILITY_SEED</c> replays a randomized run with another seed.
/// </summary>
internal static class RunSettings
{
    public static bool Full => Environment.GetEnvironmentVariable("INNGEST_RELIABILITY_FULL") is "1" or "true";

    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("INNGEST_RELIABILITY_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : 20261126;

    /// <summary>Events in the randomized fault run.</summary>
    public static int RandomizedEvents => Full ? 100_000 : 10_000;

    /// <summary>Events in the load run (64 concurrent senders).</summary>
    public static int LoadEvents => Full ? 50_000 : 20_000;

    /// <summary>Appends a run's figures to <c>INNGEST_RELIABILITY_REPORT</c> when it names a file.</summary>
    public static void Publish(string title, ReliabilityReport report, string? extra = null)
    {
        var path = Environment.GetEnvironmentVariable("INNGEST_RELIABILITY_REPORT");
        if (!string.IsNullOrWhiteSpace(path))
        {
            File.AppendAllText(path, $"## {title} (seed {Seed}, full {Full})\n{report}\n{extra}\n\n");
        }
    }
}
