using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Inngest.Benchmarks.GeneratorCost;

/// <summary>
/// The same 500-record project built for real with <c>dotnet build -p:ReportAnalyzer=true</c>: the
/// compiler's own report of generator and analyzer time (its "Total analyzer execution time" and
/// "Total generator execution time" lines) against the Csc task's time.
/// </summary>
internal static class ReportAnalyzerBuild
{
    public static async Task<int> RunAsync(string[] args)
    {
        var records = EndToEnd.CrossLanguage.IntArg(args, "--records", 500);
        var outDir = EndToEnd.CrossLanguage.StringArg(args, "--out", Path.Combine(Environment.CurrentDirectory, "benchmarks", "artifacts"));
        var repo = EndToEnd.CrossLanguage.StringArg(args, "--repo", FindRepo());
        var project = Path.Combine(outDir, "gencost-project");
        if (Directory.Exists(project))
        {
            Directory.Delete(project, recursive: true);
        }

        Directory.CreateDirectory(project);
        foreach (var (path, source) in GeneratorCostHarness.Sources(records))
        {
            await File.WriteAllTextAsync(Path.Combine(project, path), source);
        }

        await File.WriteAllTextAsync(Path.Combine(project, "GeneratorCostProject.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{repo}/src/Inngest.Runtime/Inngest.Runtime.csproj" />
                <ProjectReference Include="{repo}/src/Inngest.Generators/Inngest.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """);
        // Keep the repository's Directory.*.props out: this project stands alone.
        await File.WriteAllTextAsync(Path.Combine(project, "Directory.Build.props"), "<Project />");
        await File.WriteAllTextAsync(Path.Combine(project, "Directory.Packages.props"), "<Project />");

        await BuildAsync(project, "warm-up (builds the runtime and the generator)", references: true);
        // A change to a file with events: the generator has work to do.
        var events = Path.Combine(project, "Events00.cs");
        await File.AppendAllTextAsync(events, "\n// edited\n");
        var first = await BuildAsync(project, "after editing an events file", references: false);
        await File.WriteAllTextAsync(Path.Combine(outDir, "gencost-build-events-edit.log"), first.Log);
        // An unrelated edit, then an incremental build.
        var unrelated = Path.Combine(project, "Unrelated.cs");
        await File.WriteAllTextAsync(unrelated, (await File.ReadAllTextAsync(unrelated)).Replace("return 41 + 1;", "return 40 + 2;", StringComparison.Ordinal));
        var second = await BuildAsync(project, "after an unrelated edit", references: false);
        await File.WriteAllTextAsync(Path.Combine(outDir, "gencost-build-unrelated-edit.log"), second.Log);

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"dotnet build -p:ReportAnalyzer=true of the {records}-record project, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC (compiler server on; times from the compiler's report).");
        text.AppendLine();
        text.AppendLine("| Build | Csc task ms | Generators ms | Analyzers ms | Inngest generator ms | Inngest analyzers ms | Inngest share of Csc |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var b in new[] { first, second })
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {b.Name} | {b.CscMs:N0} | {b.GeneratorsMs:N0} | {b.AnalyzersMs:N0} | {b.InngestGeneratorMs:N0} | {b.InngestAnalyzersMs:N0} | {(b.InngestGeneratorMs + b.InngestAnalyzersMs) / b.CscMs:P1} |");
        }

        Directory.CreateDirectory(outDir);
        var report = Path.Combine(outDir, "generator-cost-build.md");
        await File.WriteAllTextAsync(report, text.ToString());
        Console.WriteLine(text);
        Console.WriteLine($"written to {report}");
        return 0;
    }

    private sealed record Build(string Name, double CscMs, double GeneratorsMs, double AnalyzersMs, double InngestGeneratorMs, double InngestAnalyzersMs, string Log);

    private static async Task<Build> BuildAsync(string project, string name, bool references)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "build", "-c", "Release", "-p:ReportAnalyzer=true", "-v:d", "-clp:PerformanceSummary", "-nodeReuse:false", "-p:BuildProjectReferences=" + (references ? "true" : "false") })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var log = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build failed:\n{string.Join('\n', log.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(10))}\n{await stderr}");
        }

        // The Csc task of the benchmark project itself (the last one in the summary).
        var csc = TaskTime().Matches(log).Select(m => Seconds(m.Groups[1].Value)).LastOrDefault();
        var generators = TotalTime(log, "Total generator execution time");
        var analyzers = TotalTime(log, "Total analyzer execution time");
        var inngestGenerator = AssemblyTime(log, "Total generator execution time", "Inngest.Generators");
        var inngestAnalyzers = AssemblyTime(log, "Total analyzer execution time", "Inngest.Generators");
        return new Build(name, csc, generators, analyzers, inngestGenerator, inngestAnalyzers, log);
    }

    private static double TotalTime(string log, string header)
    {
        var matches = Regex.Matches(log, Regex.Escape(header) + @":\s*([0-9.,]+)\s*seconds");
        return matches.Count == 0 ? 0 : Seconds(matches[^1].Groups[1].Value) * 1000;
    }

    /// <summary>The time of one assembly's line in the last block under <paramref name="header"/>.</summary>
    private static double AssemblyTime(string log, string header, string assembly)
    {
        var at = log.LastIndexOf(header, StringComparison.Ordinal);
        if (at < 0)
        {
            return 0;
        }

        // The block runs until the next "Total ... execution time" header (or the end of the task's output).
        foreach (var line in log[at..].Split('\n').Skip(1).TakeWhile(l => !l.Contains("execution time:", StringComparison.Ordinal)).Take(2000))
        {
            var m = Regex.Match(line, @"^\s*([0-9.,<]+)\s+[0-9.,<]+\s+" + Regex.Escape(assembly) + ",");
            if (m.Success)
            {
                return m.Groups[1].Value.StartsWith('<') ? 0 : Seconds(m.Groups[1].Value) * 1000;
            }
        }

        return 0;
    }

    private static double Seconds(string value) => double.Parse(value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private static Regex TaskTime() => new(@"^\s*([0-9.,]+) ms\s+Csc\s+\d+ calls", RegexOptions.Multiline);

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
