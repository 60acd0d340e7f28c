using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inngest.Generators.Tests.Generator;

/// <summary>Compiles source against reference assemblies plus Inngest.Runtime and runs the generator.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>Parse options that check XML documentation, as GenerateDocumentationFile does.</summary>
    public static readonly CSharpParseOptions DocumentedParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static IEnumerable<MetadataReference> Net80 => Basic.Reference.Assemblies.Net80.References.All.Append(RuntimeReference);

    public static IEnumerable<MetadataReference> Net100 => Basic.Reference.Assemblies.Net100.References.All.Append(RuntimeReference);

    public static MetadataReference RuntimeReference { get; } = MetadataReference.CreateFromFile(typeof(InngestClient).Assembly.Location);

    public static CSharpCompilation Compilation(string source, IEnumerable<MetadataReference>? references = null, string assemblyName = "Sample.Events", bool documented = false)
        => CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source, documented ? DocumentedParseOptions : ParseOptions, path: "Events.cs") },
            references ?? Net80,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                // The SDK's default NoWarn: Inngest.Runtime targets net8.0, so against net10.0 its
                // framework references unify upward, as in every real build.
                specificDiagnosticOptions: new[] { new KeyValuePair<string, ReportDiagnostic>("CS1701", ReportDiagnostic.Suppress), new KeyValuePair<string, ReportDiagnostic>("CS1702", ReportDiagnostic.Suppress) }));

    public static GeneratorDriver Driver(bool track = true, bool documented = false)
        => CSharpGeneratorDriver.Create(
            new[] { new InngestEventGenerator().AsSourceGenerator() },
            parseOptions: documented ? DocumentedParseOptions : ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    /// <summary>Runs the generator; returns the output compilation and the generated sources by hint name.</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, IReadOnlyDictionary<string, string> Sources) Run(CSharpCompilation compilation, bool documented = false)
    {
        var driver = Driver(documented: documented).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var sources = driver.GetRunResult().Results.Single().GeneratedSources
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        return (output, diagnostics, sources);
    }
}
