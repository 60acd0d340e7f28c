using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Benchmarks.GeneratorCost;

/// <summary>
/// What the generator and the analyzers cost a build: a project of 500 <c>[InngestEvent]</c> records
/// (plus nested types and one unrelated file) is parsed, run through the generator with
/// <see cref="GeneratorDriver"/>, analyzed with every analyzer of Inngest.Generators, and emitted, all
/// in process, each phase timed. Then the unrelated file is edited and the generator runs again on the
/// same driver: every tracked output step must be Cached or Unchanged (nothing re-emitted).
/// Roslyn is warm after the first round (as in the compiler server and the IDE); the table shows the
/// median of the timed rounds.
/// </summary>
internal static class GeneratorCostHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var records = EndToEnd.CrossLanguage.IntArg(args, "--records", 500);
        var rounds = EndToEnd.CrossLanguage.IntArg(args, "--rounds", 5);
        var outDir = EndToEnd.CrossLanguage.StringArg(args, "--out", Path.Combine(Environment.CurrentDirectory, "benchmarks", "artifacts"));

        var assembly = Assembly.Load("Inngest.Generators");
        var generators = assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(GeneratorAttribute), false).Length > 0)
            .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator())
            .ToArray();
        var analyzers = assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        if (generators.Length == 0)
        {
            throw new InvalidOperationException("Inngest.Generators holds no [Generator]: nothing to measure.");
        }

        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var references = References();
        var sources = Sources(records);
        var rows = new List<Round>();
        for (var round = 0; round <= rounds; round++)
        {
            rows.Add(await MeasureAsync(sources, references, parseOptions, generators, analyzers, records));
        }

        var timed = rows.Skip(1).ToList(); // round 0 warms Roslyn and the generator up
        var last = rows[^1];
        double Med(Func<Round, double> f) => EndToEnd.CrossLanguage.Median(timed.Select(f).ToArray());
        var parse = Med(r => r.ParseMs);
        var gen = Med(r => r.GeneratorMs);
        var bindAnalyze = Med(r => r.AnalyzersMs); // wall time of the analyzer pass: it also binds every tree, which emit then reuses
        var analyzersOwn = Med(r => r.PerAnalyzer.Values.Sum()); // the analyzers' own execution time (Roslyn telemetry)
        var emit = Med(r => r.EmitMs);
        var total = parse + gen + bindAnalyze + emit;
        var second = Med(r => r.SecondRunMs);

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Generator cost, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}; {records} [InngestEvent] records ({last.SourceFiles} source files), {last.GeneratedFiles} generated files ({last.GeneratedKb:N0} KB); median of {timed.Count} warm rounds.");
        text.AppendLine();
        text.AppendLine("| Phase | ms | Share of compile |");
        text.AppendLine("|---|---:|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Parse | {parse:N1} | {parse / total:P1} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Inngest generator (first run) | {gen:N1} | {gen / total:P1} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Binding + Inngest analyzers ({analyzers.Length}), wall | {bindAnalyze:N1} | {bindAnalyze / total:P1} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| of which the analyzers' own time (Roslyn telemetry) | {analyzersOwn:N1} | {analyzersOwn / total:P1} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Emit (incl. the generated code) | {emit:N1} | {emit / total:P1} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| **Compile total** | **{total:N1}** | generator + analyzers: **{(gen + analyzersOwn) / total:P1}** |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Generator after an unrelated edit | {second:N1} | steps: {last.SecondRunReasons}; outputs re-emitted: {last.SecondRunNewOutputs} |");
        text.AppendLine();
        text.AppendLine("Per analyzer (execution time reported by Roslyn, last round): " + string.Join(", ", last.PerAnalyzer.Select(p => $"{p.Key} {p.Value:N1} ms")) + ".");

        Directory.CreateDirectory(outDir);
        var path = Path.Combine(outDir, "generator-cost.md");
        await File.WriteAllTextAsync(path, text.ToString());
        Console.WriteLine(text);
        Console.WriteLine($"written to {path}");
        if (last.SecondRunNewOutputs != 0)
        {
            Console.Error.WriteLine("the generator re-emitted output after an unrelated edit");
            return 1;
        }

        return 0;
    }

    private sealed record Round(
        double ParseMs,
        double GeneratorMs,
        double AnalyzersMs,
        double EmitMs,
        double SecondRunMs,
        int SourceFiles,
        int GeneratedFiles,
        double GeneratedKb,
        string SecondRunReasons,
        int SecondRunNewOutputs,
        Dictionary<string, double> PerAnalyzer);

    private static async Task<Round> MeasureAsync(
        List<(string Path, string Text)> sources,
        IReadOnlyList<MetadataReference> references,
        CSharpParseOptions parseOptions,
        ISourceGenerator[] generators,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        int records)
    {
        var sw = Stopwatch.StartNew();
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.Path)).ToList();
        var compilation = CSharpCompilation.Create(
            "GeneratorCostProject",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));
        var parseMs = sw.Elapsed.TotalMilliseconds;

        GeneratorDriver driver = CSharpGeneratorDriver.Create(generators, parseOptions: parseOptions, driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        sw.Restart();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        var generatorMs = sw.Elapsed.TotalMilliseconds;
        var run = driver.GetRunResult();
        var generatedFiles = run.Results.Sum(r => r.GeneratedSources.Length);
        var generatedKb = run.Results.Sum(r => r.GeneratedSources.Sum(s => s.SourceText.Length)) / 1024.0;
        if (generatorDiagnostics.Length > 0 || generatedFiles < records)
        {
            throw new InvalidOperationException($"the generator made {generatedFiles} files for {records} records and reported {generatorDiagnostics.Length} diagnostics: {string.Join("; ", generatorDiagnostics.Take(3))}");
        }

        var perAnalyzer = new Dictionary<string, double>();
        sw.Restart();
        if (analyzers.Length > 0)
        {
            var withAnalyzers = generated.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            var found = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            if (found.Any(d => d.Severity >= DiagnosticSeverity.Warning))
            {
                throw new InvalidOperationException($"the analyzers flagged the benchmark project: {string.Join("; ", found.Take(3))}");
            }

            foreach (var analyzer in analyzers)
            {
                var info = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
                perAnalyzer[analyzer.GetType().Name] = info.ExecutionTime.TotalMilliseconds;
            }
        }

        var analyzersMs = sw.Elapsed.TotalMilliseconds;

        sw.Restart();
        using (var pe = new MemoryStream())
        {
            var emitted = generated.Emit(pe);
            if (!emitted.Success)
            {
                throw new InvalidOperationException("the benchmark project does not compile: " + string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
            }
        }

        var emitMs = sw.Elapsed.TotalMilliseconds;

        // An unrelated edit: a method body in a file with no [InngestEvent] type changes.
        var unrelated = trees.Single(t => t.FilePath.EndsWith("Unrelated.cs", StringComparison.Ordinal));
        var edited = unrelated.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(unrelated.GetText().ToString().Replace("return 41 + 1;", "return 40 + 2;", StringComparison.Ordinal)));
        var next = compilation.ReplaceSyntaxTree(unrelated, edited);
        sw.Restart();
        driver = driver.RunGenerators(next);
        var secondMs = sw.Elapsed.TotalMilliseconds;
        var reasons = new SortedDictionary<string, int>();
        var newOutputs = 0;
        foreach (var result in driver.GetRunResult().Results)
        {
            foreach (var step in result.TrackedOutputSteps.SelectMany(s => s.Value))
            {
                foreach (var output in step.Outputs)
                {
                    var reason = output.Reason.ToString();
                    reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
                    if (output.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified)
                    {
                        newOutputs++;
                    }
                }
            }
        }

        return new Round(parseMs, generatorMs, analyzersMs, emitMs, secondMs, sources.Count, generatedFiles, generatedKb,
            string.Join(", ", reasons.Select(r => $"{r.Value} {r.Key}")), newOutputs, perAnalyzer);
    }

    private static IReadOnlyList<MetadataReference> References()
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var list = tpa
            .Where(p => Path.GetFileName(p) is { } f && (f.StartsWith("System.", StringComparison.Ordinal) || f is "mscorlib.dll" or "netstandard.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        list.Add(MetadataReference.CreateFromFile(typeof(InngestClient).Assembly.Location));
        return list;
    }

    /// <summary>The benchmark project: <paramref name="records"/> events in 50 files, shared nested types, one unrelated file.</summary>
    internal static List<(string Path, string Text)> Sources(int records)
    {
        var files = new List<(string, string)>();
        files.Add(("Shared.cs", """
            using System;
            using System.Collections.Generic;
            using System.Text.Json.Serialization;

            namespace GeneratorCostProject;

            [JsonConverter(typeof(JsonStringEnumConverter<Tier>))]
            public enum Tier { Free, Pro, Enterprise }

            public sealed record Address(string Line1, string? Line2, string City, string CountryCode);

            public sealed record Party(string Id, string Email, Address? Address, Tier Tier);

            public sealed record Line(string Sku, int Quantity, decimal UnitPrice, List<string> Tags);
            """));
        files.Add(("Unrelated.cs", """
            namespace GeneratorCostProject;

            public static class Unrelated
            {
                public static int Answer() { return 41 + 1; }
            }
            """));
        const int perFile = 10;
        for (var f = 0; f * perFile < records; f++)
        {
            var text = new StringBuilder();
            text.AppendLine("using System;");
            text.AppendLine("using System.Collections.Generic;");
            text.AppendLine("using Inngest;");
            text.AppendLine();
            text.AppendLine("namespace GeneratorCostProject;");
            for (var i = f * perFile; i < Math.Min(records, (f + 1) * perFile); i++)
            {
                text.AppendLine();
                switch (i % 4)
                {
                    case 0:
                        text.AppendLine(CultureInfo.InvariantCulture, $"[InngestEvent(\"bench/order-{i}.placed\", Version = \"2024-05-15.1\")]");
                        text.AppendLine(CultureInfo.InvariantCulture, $"public sealed partial record Order{i}Placed(string OrderId, Party Customer, List<Line> Lines, Dictionary<string, string> Metadata, decimal Total, DateTimeOffset PlacedAt, string? Coupon);");
                        break;
                    case 1:
                        text.AppendLine(CultureInfo.InvariantCulture, $"[InngestEvent(\"bench/account-{i}.created\")]");
                        text.AppendLine(CultureInfo.InvariantCulture, $"public sealed partial record Account{i}Created(string AccountId, string BillingPlan);");
                        break;
                    case 2:
                        text.AppendLine(CultureInfo.InvariantCulture, $"[InngestEvent(\"bench/user-{i}.registered\")]");
                        text.AppendLine(CultureInfo.InvariantCulture, $"public sealed partial record User{i}Registered(string UserId, Tier Tier, IReadOnlyList<string> Tags, int? ReferralCount, Guid RequestId, DateOnly? Birthday);");
                        break;
                    default:
                        text.AppendLine(CultureInfo.InvariantCulture, $"[InngestEvent(\"bench/invoice-{i}.paid\", MethodName = \"SendInvoice{i}PaidNowAsync\")]");
                        text.AppendLine(CultureInfo.InvariantCulture, $"public sealed partial record Invoice{i}Paid");
                        text.AppendLine("{");
                        text.AppendLine("    public required string InvoiceId { get; init; }");
                        text.AppendLine("    public required long AmountCents { get; init; }");
                        text.AppendLine("    public Address? BillTo { get; init; }");
                        text.AppendLine("    public bool Refundable { get; init; }");
                        text.AppendLine("}");
                        break;
                }
            }

            files.Add(($"Events{f:D2}.cs", text.ToString()));
        }

        return files;
    }
}
