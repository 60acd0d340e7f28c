using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Generators.Tests.Generator;

/// <summary>
/// The generated code passes the trim and Native AOT analyzers (IL2xxx/IL3xxx) that an
/// IsAotCompatible or PublishAot project runs, against .NET 8 reference assemblies.
/// </summary>
public sealed class AotAnalyzerTests
{
    private static ImmutableArray<DiagnosticAnalyzer> LoadIlLinkAnalyzers()
    {
        var root = typeof(AotAnalyzerTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
        var package = Path.Combine(root, "microsoft.net.illink.tasks");
        // The .NET 8 analyzer matches the Roslyn these tests run on; newer ones may need a newer compiler.
        var versions = Directory.Exists(package)
            ? Directory.GetDirectories(package).Select(Path.GetFileName).Where(v => v!.StartsWith("8.", StringComparison.Ordinal)).OrderBy(v => Version.Parse(v!)).ToArray()
            : Array.Empty<string?>();
        Assert.True(versions.Length > 0, $"No Microsoft.NET.ILLink.Tasks 8.x under {package}: restore src/Inngest.Runtime (IsAotCompatible, net8.0), which brings it.");
        var version = versions[^1]!;
        var path = Path.Combine(package, version, "analyzers", "dotnet", "cs", "ILLink.RoslynAnalyzer.dll");
        var reference = new AnalyzerFileReference(path, new Loader());
        var analyzers = reference.GetAnalyzers(LanguageNames.CSharp);
        Assert.NotEmpty(analyzers);
        return analyzers;
    }

    private static async Task<Diagnostic[]> AotDiagnostics(string source)
    {
        var (output, _, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(source));
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new ConfigOptions(new Dictionary<string, string>
        {
            ["build_property.EnableTrimAnalyzer"] = "true",
            ["build_property.EnableAotAnalyzer"] = "true",
            ["build_property.EnableSingleFileAnalyzer"] = "true",
            ["build_property.IsAotCompatible"] = "true",
        }));
        var diagnostics = await output.WithAnalyzers(LoadIlLinkAnalyzers(), options).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id.StartsWith("IL", StringComparison.Ordinal)).ToArray();
    }

    [Fact]
    public async Task Generated_code_has_no_trim_or_aot_warnings()
    {
        const string usage = """
            namespace Sample.Usage
            {
                public static class Calls
                {
                    public static System.Threading.Tasks.Task Send(Inngest.IInngestClient client, Sample.Events.OrderPlaced order)
                        => Inngest.InngestClientExtensions.SendAsync(client, Inngest.InngestEvent.Create(order));
                }
            }
            """;
        var diagnostics = await AotDiagnostics(Samples.Representative + "\n" + usage);
        Assert.True(diagnostics.Length == 0, string.Join("\n", diagnostics.Select(d => d.ToString())));
    }

    [Fact]
    public async Task The_analyzer_is_active_reflection_serialization_is_flagged()
    {
        const string source = """
            public static class Bad
            {
                public static string Write(object value) => System.Text.Json.JsonSerializer.Serialize(value);
            }
            """;
        var diagnostics = await AotDiagnostics(Samples.AccountCreated + "\n" + source);
        Assert.Contains(diagnostics, d => d.Id == "IL2026");
        Assert.Contains(diagnostics, d => d.Id == "IL3050");
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }

    private sealed class ConfigOptions : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options;

        public ConfigOptions(Dictionary<string, string> values) => _options = new Options(values);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
                => _values.TryGetValue(key, out value);
        }
    }
}
