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
    public static Task VerifyAsync<TAnalyzer, TCodeFix>(string source, string fixedSource, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
        => VerifyAsync<TAnalyzer, TCodeFix>(source, fixedSource, CodeFixTestBehaviors.None, expected);

    /// <summary>
    /// With <paramref name="behaviors"/>: the payload walk reports on the member or type it reaches (another symbol than
    /// the event type it analyzes), which the testing library calls non-local; SkipLocalDiagnosticCheck accepts that.
    /// </summary>
    public static async Task VerifyAsync<TAnalyzer, TCodeFix>(string source, string fixedSource, CodeFixTestBehaviors behaviors, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = source,
            FixedCode = fixedSource,
            CodeFixTestBehaviors = behaviors,
        };
        test.TestState.AdditionalReferences.Add(AnalyzerTestSupport.RuntimeReference);
        test.FixedState.AdditionalReferences.Add(AnalyzerTestSupport.RuntimeReference);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}
