using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace Inngest.Benchmarks.EndToEnd;

/// <summary>
/// The end-to-end comparison BenchmarkDotNet cannot host: the library, the raw-HttpClient limit and
/// the official inngest npm SDK (a Node process) do the same workloads against one sink, all timed
/// the same way: at least <c>warmup</c> untimed operations (the .NET senders: until a round compiles nothing), then <c>iterations</c> operations each timed
/// wall-clock around the whole workload; the table shows the median. The .NET senders alternate
/// operation by operation so load from other processes hits both alike.
/// </summary>
internal static class CrossLanguage
{
    public static async Task<int> RunAsync(string[] args)
    {
        var warmup = IntArg(args, "--warmup", 2);
        var iterations = IntArg(args, "--iterations", 10);
        var outDir = StringArg(args, "--out", Path.Combine(Environment.CurrentDirectory, "benchmarks", "artifacts"));
        var nodeDir = StringArg(args, "--node-dir", FindNodeDir());
        var skipNode = args.Contains("--no-node");
        var only = StringArg(args, "--workloads", string.Empty);
        var workloads = only.Length == 0 ? Enum.GetValues<Workload>() : only.Split(',').Select(Enum.Parse<Workload>).ToArray();

        await using var sink = await EventApiSink.StartAsync();
        Console.WriteLine($"sink at {sink.BaseUrl}; warmup {warmup}, iterations {iterations}");
        var results = new List<(Workload Workload, string Sender, double[] SamplesMs)>();
        var allocated = new Dictionary<(Workload, string), double>();
        using (var typed = new TypedSender(sink.BaseUrl))
        using (var typedOwn = new TypedSender(sink.BaseUrl, transport: TypedTransport.OwnHandler))
        using (var typedDi = new TypedSender(sink.BaseUrl, transport: TypedTransport.DependencyInjection))
        using (var raw = new RawSender(sink.BaseUrl))
        using (var careful = new CarefulUserSender(sink.BaseUrl))
        {
            foreach (var workload in workloads)
            {
                var senders = new (string Name, Sender Sender)[] { ("raw HttpClient (limit)", raw), ("careful user (STJ source-gen in the loop)", careful), ("Inngest.Typed client", typed), ("Inngest.Typed client, own handler", typedOwn), ("Inngest.Typed client, AddInngest()", typedDi) };
                var samples = senders.Select(_ => new List<double>()).ToArray();
                var bytes = new long[senders.Length];
                var cpu = new double[senders.Length];
                var collections = new int[senders.Length, 3];
                sink.ResetCounters();

                // Past the fixed warm-up, more untimed rounds until a whole round compiled nothing: the library's own
                // code starts at tier 0, while most of what the other senders run is precompiled (ReadyToRun) framework
                // code, so a short warm-up handicaps the library (docs/benchmarks.md, section 7).
                var operations = 0;
                var warmupRounds = await WarmUntilJitQuietAsync(senders.Select(s => s.Sender).ToArray(), workload, warmup);
                operations += warmupRounds * senders.Length;
                for (var i = 0; i < iterations; i++)
                {
                    // The order rotates so no sender always runs right after the same other one.
                    for (var k = 0; k < senders.Length; k++)
                    {
                        var s = (k + i) % senders.Length;
                        var before = GC.GetTotalAllocatedBytes(precise: true);
                        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                        var gcBefore = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
                        var sw = Stopwatch.StartNew();
                        await senders[s].Sender.RunAsync(workload);
                        samples[s].Add(sw.Elapsed.TotalMilliseconds);
                        bytes[s] += GC.GetTotalAllocatedBytes(precise: true) - before;
                        cpu[s] += (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
                        for (var g = 0; g < 3; g++)
                        {
                            collections[s, g] += GC.CollectionCount(g) - gcBefore[g];
                        }
                    }
                }

                operations += senders.Length * iterations;
                ExpectAcknowledged(sink, workload, operations, ".NET senders");
                for (var s = 0; s < senders.Length; s++)
                {
                    results.Add((workload, senders[s].Name, samples[s].ToArray()));
                    allocated[(workload, senders[s].Name)] = (double)bytes[s] / Math.Max(1, iterations) / Sender.RequestsPer(workload);
                    Console.WriteLine($"{workload,-26} {senders[s].Name,-42} median {Median(samples[s]),9:N1} ms  {allocated[(workload, senders[s].Name)],9:N0} B allocated per request, {cpu[s] / Math.Max(1, iterations),7:N1} ms process CPU per operation (sink included), GCs gen0/1/2 {collections[s, 0]}/{collections[s, 1]}/{collections[s, 2]} in {iterations} operations");
                }
            }
        }

        string? nodeVersion = null;
        if (!skipNode)
        {
            sink.ResetCounters();
            var (node, version) = await RunNodeAsync(nodeDir, sink.BaseUrl, warmup, iterations, workloads);
            nodeVersion = version;
            foreach (var workload in workloads)
            {
                var samples = node[workload];
                results.Add((workload, "inngest npm SDK (Node)", samples));
                Console.WriteLine($"{workload,-26} {"inngest npm SDK (Node)",-24} median {Median(samples),9:N1} ms");
            }

            var expected = workloads.Sum(w => (long)Sender.EventsPer(w) * (warmup + iterations));
            if (sink.Events != expected || sink.Rejected != 0)
            {
                throw new InvalidOperationException($"the Node SDK got {sink.Events} of {expected} events acknowledged ({sink.Rejected} requests rejected)");
            }
        }

        Directory.CreateDirectory(outDir);
        var table = Render(results, allocated, warmup, iterations, nodeVersion);
        var path = Path.Combine(outDir, "e2e-cross-language.md");
        await File.WriteAllTextAsync(path, table);
        Console.WriteLine();
        Console.WriteLine(table);
        Console.WriteLine($"written to {path}");
        return 0;
    }

    /// <summary>
    /// Runs <paramref name="minimum"/> untimed rounds of every sender, then more until the JIT compiled fewer than 10
    /// methods in the last second of rounds (at most 60 rounds); returns the rounds run. Tier-1 promotion waits for a
    /// quiet spell and compiles in the background, and a workload's per-request methods run only a few times per round,
    /// so they reach tier 1 only after many rounds (a few here measured the library's send path half at tier 0); the
    /// sink's and the HTTP stack's rarely run methods keep trickling in, so "none at all" never comes.
    /// </summary>
    private static async Task<int> WarmUntilJitQuietAsync(Sender[] senders, Workload workload, int minimum)
    {
        if (minimum == 0)
        {
            return 0;
        }

        var clock = Stopwatch.StartNew();
        var history = new List<(TimeSpan At, long Compiled)> { (TimeSpan.Zero, System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false)) };
        for (var rounds = 1; ; rounds++)
        {
            foreach (var sender in senders)
            {
                await sender.RunAsync(workload);
            }

            var now = (clock.Elapsed, System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false));
            history.Add(now);
            var windowStart = history.FindLastIndex(h => now.Elapsed - h.At >= TimeSpan.FromSeconds(1));
            var quiet = windowStart >= 0 && now.Item2 - history[windowStart].Compiled < 10;
            if (rounds >= 60 || (rounds >= minimum && quiet))
            {
                Console.WriteLine($"{workload}: {rounds} warm-up rounds in {clock.Elapsed.TotalSeconds:0.0} s, {now.Item2 - history[0].Compiled} methods compiled meanwhile");
                return rounds;
            }
        }
    }

    private static void ExpectAcknowledged(EventApiSink sink, Workload workload, int operations, string who)
    {
        var expected = (long)Sender.EventsPer(workload) * operations;
        if (sink.Events != expected || sink.Rejected != 0)
        {
            throw new InvalidOperationException($"{who} {workload}: the sink acknowledged {sink.Events} of {expected} events and rejected {sink.Rejected} requests");
        }
    }

    private static async Task<(Dictionary<Workload, double[]> Samples, string Version)> RunNodeAsync(string nodeDir, Uri sink, int warmup, int iterations, Workload[] workloads)
    {
        var script = Path.Combine(nodeDir, "bench.mjs");
        if (!File.Exists(script) || !Directory.Exists(Path.Combine(nodeDir, "node_modules", "inngest")))
        {
            throw new InvalidOperationException($"{script} or its node_modules are missing: run 'npm ci' in {nodeDir} (benchmarks/run.sh does).");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = nodeDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "bench.mjs", "--url", sink.ToString(), "--warmup", warmup.ToString(CultureInfo.InvariantCulture), "--iterations", iterations.ToString(CultureInfo.InvariantCulture), "--workloads", string.Join(",", workloads) })
        {
            start.ArgumentList.Add(arg);
        }

        // The SDK reads these; none may leak in from the machine.
        foreach (var name in new[] { "INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_API_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_ENV" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node bench.mjs exited with {process.ExitCode}: {await stderr}");
        }

        var samples = new Dictionary<Workload, double[]>();
        foreach (var line in (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var doc = JsonDocument.Parse(line);
            var workload = Enum.Parse<Workload>(doc.RootElement.GetProperty("workload").GetString()!);
            samples[workload] = doc.RootElement.GetProperty("samplesMs").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        }

        var version = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(nodeDir, "node_modules", "inngest", "package.json"))).RootElement.GetProperty("version").GetString()!;
        return (samples, version);
    }

    private static string Render(List<(Workload Workload, string Sender, double[] SamplesMs)> results, Dictionary<(Workload, string), double> allocated, int warmup, int iterations, string? nodeVersion)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"End to end, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, Node {NodeVersion()}, inngest npm {nodeVersion ?? "(skipped)"}; {warmup} warm-up + {iterations} timed operations each, wall clock.");
        text.AppendLine();
        text.AppendLine("| Workload | Sender | Median ms | Min ms | Events/s (median) | Throughput vs raw limit | vs careful user | Allocated per request | Inngest.Typed speed-up |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in results.GroupBy(r => r.Workload))
        {
            var raw = Median(group.First(r => r.Sender.StartsWith("raw", StringComparison.Ordinal)).SamplesMs);
            var typed = Median(group.First(r => r.Sender.StartsWith("Inngest", StringComparison.Ordinal)).SamplesMs);
            var careful = Median(group.First(r => r.Sender.StartsWith("careful", StringComparison.Ordinal)).SamplesMs);
            foreach (var (workload, sender, samples) in group)
            {
                var median = Median(samples);
                var events = Sender.EventsPer(workload) / (median / 1000);
                var speedUp = sender.StartsWith("inngest npm", StringComparison.Ordinal) ? $"{median / typed:0.00}x" : string.Empty;
                var bytes = allocated.TryGetValue((workload, sender), out var b) ? $"{b:N0} B" : "(other process)";
                text.AppendLine(CultureInfo.InvariantCulture, $"| {workload} | {sender} | {median:N1} | {samples.Min():N1} | {events:N0} | {raw / median:0.00}x | {careful / median:0.00}x | {bytes} | {speedUp} |");
            }
        }

        return text.ToString();
    }

    private static string NodeVersion()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var version = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return version;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "(not found)";
        }
    }

    internal static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    internal static string FindNodeDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "benchmarks", "node");
            if (File.Exists(Path.Combine(candidate, "bench.mjs")))
            {
                return candidate;
            }
        }

        return Path.Combine(Environment.CurrentDirectory, "benchmarks", "node");
    }

    internal static int IntArg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    internal static string StringArg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
