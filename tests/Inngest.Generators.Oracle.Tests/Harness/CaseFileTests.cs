using System.Runtime.CompilerServices;

namespace Inngest.Generators.Oracle.Tests.Harness;

/// <summary>
/// Base of the per-feature test classes: one <c>[Fact]</c> per case, named exactly as the case's event
/// type, whose body is <c>Check()</c>. <see cref="CorpusCoverageTests"/> checks that no case lacks its fact.
/// </summary>
public abstract class CaseFileTests(string file)
{
    /// <summary>The case file under Cases/ this class covers.</summary>
    public string File { get; } = file;

    /// <summary>Compares the case named after the calling test method with the oracle.</summary>
    protected void Check([CallerMemberName] string caseName = "") => CaseRunner.Check(File, caseName);

    /// <summary>
    /// For the few cases where the Inngest wire contract, not the oracle, decides (an event's data must be
    /// a JSON object): our analyzers report <paramref name="id"/> as an error on the case's type.
    /// </summary>
    protected void ExpectOurError(string id, [CallerMemberName] string caseName = "")
    {
        var compiled = CaseRunner.CompiledFor(File, caseName);
        Assert.Contains(compiled.OurDiagnostics, d => d.Id == id && d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error
            && (CaseRunner.MemberName(d.Location) == caseName || d.GetMessage().Contains(caseName, System.StringComparison.Ordinal)));
    }
}
