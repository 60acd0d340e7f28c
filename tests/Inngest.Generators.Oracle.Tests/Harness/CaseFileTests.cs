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
}
