using System.Linq;
using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/IssueTable.cs: the rows of issue 10's table, each against the oracle.</summary>
public sealed class IssueTableTests() : CaseFileTests("IssueTable.cs")
{
    [Fact]
    [Trait("oracle", "pending")]
    public void Row1InternalRecord() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void Row1NestedInInternal() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void Row2Polymorphic() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void Row2Interface() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void Row2IntKeys() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void Row3Tuple() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void Row4ConverterOnDictionary() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void Row5JsonRequired() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void Row6CtorIgnore() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void Row7KeyValuePair() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void Row8Memory() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void Row10PolymorphicEvent() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void Row10ListEvent() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void Row14Collections() => Check();

    /// <summary>Row 16: both events compile together, no collision is reported, and each matches the oracle.</summary>
    [Fact]
    [Trait("oracle", "pending")]
    public void Row16_same_type_name_in_two_namespaces()
    {
        var compiled = CaseRunner.CompiledFor("SameNameTwoNamespaces.cs", "Created");
        Assert.Empty(compiled.OurDiagnostics.Where(CompiledCases.IsReported).Select(d => d.ToString()));
        Assert.Empty(compiled.Errors.Select(d => d.ToString()));
        foreach (var type in compiled.Assembly!.GetTypes().Where(t => t.Name == "Created"))
        {
            Assert.Empty(CaseRunner.Judge(compiled, type, [], OracleSettings.SamplesPerCase));
        }
    }
}
