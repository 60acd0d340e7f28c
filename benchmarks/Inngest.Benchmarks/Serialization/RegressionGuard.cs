using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Inngest.Benchmarks.Serialization;

namespace Inngest.Benchmarks;

/// <summary>
/// The regression guard of <c>benchmarks/run.sh --quick</c>: the serialization ratio (STJ source-gen envelope type /
/// library, thread CPU time, variants interleaved in short slices; above 1 means the library is faster) measured in
/// several fresh processes, since on a shared machine one process can be slowed as a whole (a loaded sibling core, a
/// different JIT outcome). Each body's ratio is the best process's: a real regression lowers every process, noise
/// lowers only some. The guard fails only when that best ratio is under <c>--min-ratio</c> (docs/benchmarks.md says how
/// the margin was chosen from this machine's measured noise).
/// </summary>
internal static class RegressionGuard
{
    private const string Marker = "GUARD-RATIO";

    public static int Run(string[] args)
    {
        var rounds = EndToEnd.CrossLanguage.IntArg(args, "--rounds", 60);
        var bodies = new[] { Body.AccountCreated, Body.Order2KB, Body.Order2KBx1000 };
        if (args.Contains("--child"))
        {
            foreach (var result in QuickCompare.Measure(rounds, bodies, includeSlow: false))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Marker} {result.Body} {result.BestNs[1] / result.BestNs[0]:0.000} {result.BestNs[0]:0} {result.BestNs[1]:0}"));
            }

            return 0;
        }

        var processes = EndToEnd.CrossLanguage.IntArg(args, "--processes", 3);
        var minRatio = double.Parse(EndToEnd.CrossLanguage.StringArg(args, "--min-ratio", "0.65"), CultureInfo.InvariantCulture);
        var ratios = bodies.ToDictionary(b => b, _ => new List<double>());
        for (var p = 0; p < processes; p++)
        {
            foreach (var (body, ratio) in RunChild(rounds))
            {
                ratios[body].Add(ratio);
            }
        }

        // A slowed stretch of the machine can hold all of a few processes down (a CI run saw the seed event at 0.50-0.57
        // in three processes in a row, 1.05 in the run before): before failing, measure again in fresh processes. A real
        // regression stays below the margin in every one of them; noise does not.
        var retries = EndToEnd.CrossLanguage.IntArg(args, "--retry-processes", processes);
        for (var p = 0; p < retries && bodies.Any(b => ratios[b].Count == 0 || ratios[b].Max() < minRatio); p++)
        {
            foreach (var (body, ratio) in RunChild(rounds))
            {
                ratios[body].Add(ratio);
            }
        }

        Console.WriteLine($"Serialization speed vs the hand-written STJ source-gen envelope type (thread CPU time, {ratios.Values.Max(r => r.Count)} processes x {rounds} interleaved rounds; >1 = library faster):");
        var failed = false;
        foreach (var body in bodies)
        {
            if (ratios[body].Count == 0)
            {
                Console.WriteLine($"  {body,-15} no measurement");
                failed = true;
                continue;
            }

            var best = ratios[body].Max();
            var verdict = best >= minRatio ? "ok" : $"REGRESSION (below {minRatio:0.00})";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {body,-15} best {best:0.00}x  (per process: {string.Join(", ", ratios[body].Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))})  {verdict}"));
            failed |= best < minRatio;
        }

        return failed ? 1 : 0;
    }

    private static IEnumerable<(Body Body, double Ratio)> RunChild(int rounds)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(RegressionGuard).Assembly.Location, "guard", "--child", "--rounds", rounds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the guard's child process");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the guard's child process exited with {process.ExitCode}:\n{output}");
        }

        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith(Marker, StringComparison.Ordinal)))
        {
            var parts = line.Split(' ');
            yield return (Enum.Parse<Body>(parts[1]), double.Parse(parts[2], CultureInfo.InvariantCulture));
        }
    }
}
