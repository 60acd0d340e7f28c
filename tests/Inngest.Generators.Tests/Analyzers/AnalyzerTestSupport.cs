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

    public static async Task VerifyAsync<TAnalyzer>(string[] sources, params DiagnosticResult[] expected)
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

        test.TestState.AdditionalReferences.Add(RuntimeReference);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}
