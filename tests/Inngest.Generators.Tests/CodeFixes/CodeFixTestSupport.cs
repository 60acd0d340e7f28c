using System.Threading.Tasks;
using Inngest.Generators.Tests.Analyzers;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Inngest.Generators.Tests.CodeFixes;

/// <summary>Runs an analyzer and a code fix over sources that reference the real runtime assembly.</summary>
internal static class CodeFixTestSupport
{
    public static async Task VerifyAsync<TAnalyzer, TCodeFix>(string source, string fixedSource, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = source,
            FixedCode = fixedSource,
        };
        test.TestState.AdditionalReferences.Add(AnalyzerTestSupport.RuntimeReference);
        test.FixedState.AdditionalReferences.Add(AnalyzerTestSupport.RuntimeReference);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}
