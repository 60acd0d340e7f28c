using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Inngest.Benchmarks.EndToEnd;

namespace Inngest.Benchmarks.Aot;

/// <summary>
/// samples/AotApp published twice, as a Native AOT binary and as a framework-dependent JIT app, then
/// started alternately against the sink: binary size, and wall time from <c>Process.Start</c> to the
/// first acknowledged send (the app prints the first send's ids as soon as the answer arrives) and to
/// exit (five events in three sends).
/// </summary>
internal static class AotStartup
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = CrossLanguage.IntArg(args, "--runs", 10);
        var outDir = CrossLanguage.StringArg(args, "--out", Path.Combine(Environment.CurrentDirectory, "benchmarks", "artifacts"));
        var repo = CrossLanguage.StringArg(args, "--repo", FindRepo());
        var project = Path.Combine(repo, "samples", "AotApp", "AotApp.csproj");
        var aotDir = Path.Combine(outDir, "aot", "native");
        var jitDir = Path.Combine(outDir, "aot", "jit");

        // Separate artifacts paths keep these publishes out of the samples' own obj/Release.
        await PublishAsync(project, aotDir, Path.Combine(outDir, "aot", "build-native"), "-r", "linux-x64");
        await PublishAsync(project, jitDir, Path.Combine(outDir, "aot", "build-jit"), "-r", "linux-x64", "--self-contained", "false", "-p:PublishAot=false");

        var native = Path.Combine(aotDir, "AotApp");
        var jit = Path.Combine(jitDir, "AotApp");
        if (!File.Exists(native) || File.Exists(Path.Combine(aotDir, "AotApp.dll")))
        {
            throw new InvalidOperationException($"no native binary in {aotDir}");
        }

        await using var sink = await EventApiSink.StartAsync();
        var samples = new Dictionary<string, (List<double> FirstAck, List<double> Exit)> { ["Native AOT"] = (new(), new()), ["JIT"] = (new(), new()) };
        for (var i = 0; i < runs + 1; i++)
        {
            foreach (var (name, path) in new[] { ("Native AOT", native), ("JIT", jit) })
            {
                sink.ResetCounters();
                var (firstAck, exit) = await RunOnceAsync(path, sink.BaseUrl);
                if (sink.Events != 5 || sink.Rejected != 0)
                {
                    throw new InvalidOperationException($"{name}: the sink acknowledged {sink.Events} of 5 events");
                }

                if (i > 0) // the first run of each warms the disk cache
                {
                    samples[name].FirstAck.Add(firstAck);
                    samples[name].Exit.Add(exit);
                }
            }
        }

        var nativeSize = new FileInfo(native).Length;
        var jitFiles = Directory.GetFiles(jitDir).Where(f => !f.EndsWith(".pdb", StringComparison.Ordinal)).ToArray();
        var jitSize = jitFiles.Sum(f => new FileInfo(f).Length);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"samples/AotApp, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}; median of {runs} runs each, alternating, after one untimed run.");
        text.AppendLine();
        text.AppendLine("| Build | On disk | Start to first acknowledged send (median ms) | min ms | Start to exit, 3 sends (median ms) |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Native AOT (linux-x64) | {nativeSize / 1048576.0:0.0} MB (one file, no runtime needed) | {CrossLanguage.Median(samples["Native AOT"].FirstAck):N1} | {samples["Native AOT"].FirstAck.Min():N1} | {CrossLanguage.Median(samples["Native AOT"].Exit):N1} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| JIT (framework-dependent) | {jitSize / 1048576.0:0.00} MB in {jitFiles.Length} files + the shared .NET runtime | {CrossLanguage.Median(samples["JIT"].FirstAck):N1} | {samples["JIT"].FirstAck.Min():N1} | {CrossLanguage.Median(samples["JIT"].Exit):N1} |");
        Directory.CreateDirectory(outDir);
        var report = Path.Combine(outDir, "aot.md");
        await File.WriteAllTextAsync(report, text.ToString());
        Console.WriteLine(text);
        Console.WriteLine($"written to {report}");
        return 0;
    }

    private static async Task<(double FirstAckMs, double ExitMs)> RunOnceAsync(string path, Uri sink)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var name in new[] { "INNGEST_DEV", "INNGEST_EVENT_API_BASE_URL", "INNGEST_ENV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["INNGEST_BASE_URL"] = sink.ToString();
        start.Environment["INNGEST_EVENT_KEY"] = Sender.EventKey;
        var sw = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var first = await process.StandardOutput.ReadLineAsync();
        var firstAck = sw.Elapsed.TotalMilliseconds;
        var rest = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var exit = sw.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0 || string.IsNullOrWhiteSpace(first))
        {
            throw new InvalidOperationException($"{path} exited with {process.ExitCode}: {first}\n{rest}\n{await stderr}");
        }

        return (firstAck, exit);
    }

    private static async Task PublishAsync(string project, string output, string artifacts, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "publish", project, "-c", "Release", "-o", output, "--artifacts-path", artifacts, "-nologo" }.Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {string.Join(' ', extra)} failed:\n{await stdout}\n{await stderr}");
        }
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Inngest.Typed.sln")))
            {
                return dir.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
