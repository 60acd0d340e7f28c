using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Inngest.Generators.Tests.Analyzers;

/// <summary>Runs one analyzer over sources that reference the real runtime assembly (for the attribute).</summary>
internal static class AnalyzerTestSupport
{
    /// <summary>The runtime assembly, so test sources bind the real <c>[InngestEvent]</c>.</summary>
    public static MetadataReference RuntimeReference { get; } =
        MetadataReference.CreateFromFile(typeof(Inngest.InngestEventAttribute).Assembly.Location);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Task VerifyAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => VerifyAsync<TAnalyzer>(new[] { source }, expected);

    public static Task VerifyAsync<TAnalyzer>(string[] sources, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => VerifyWithBuildPropertiesAsync<TAnalyzer>(sources, new (string, string)[0], expected);

    /// <summary>Runs the analyzer with MSBuild properties as the compiler sees them (<c>build_property.X</c> in a global config).</summary>
    public static async Task VerifyWithBuildPropertiesAsync<TAnalyzer>(string[] sources, (string Name, string Value)[] buildProperties, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        if (buildProperties.Length > 0)
        {
            var config = new System.Text.StringBuilder("is_global = true\n");
            foreach (var (name, value) in buildProperties)
            {
                config.Append("build_property.").Append(name).Append(" = ").Append(value).Append('\n');
            }

            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config.ToString()));
        }

        test.TestState.AdditionalReferences.Add(RuntimeReference);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}
