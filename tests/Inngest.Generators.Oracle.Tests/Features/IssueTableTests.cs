using System.Linq;
using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/IssueTable.cs: the rows of issue 10's table, each against the oracle.</summary>
public sealed class IssueTableTests() : CaseFileTests("IssueTable.cs")
{
    [Fact]
    public void Row1InternalRecord() => Check();

    [Fact]
    public void Row1NestedInInternal() => Check();

    [Fact]
    public void Row2Polymorphic() => Check();

    [Fact]
    public void Row2Interface() => Check();

    [Fact]
    public void Row2IntKeys() => Check();

    [Fact]
    public void Row3Tuple() => Check();

    [Fact]
    public void Row4ConverterOnDictionary() => Check();

    [Fact]
    public void Row5JsonRequired() => Check();

    [Fact]
    public void Row6CtorIgnore() => Check();

    [Fact]
    public void Row7KeyValuePair() => Check();

    [Fact]
    public void Row8Memory() => Check();

    [Fact]
    public void Row10PolymorphicEvent() => Check();

    /// <summary>
    /// Row 10, a collection as the event type: System.Text.Json writes it as an array, but an event's data
    /// must be a JSON object, so the generator rejects it with INNG013 saying why (docs/diagnostics.md).
    /// </summary>
    [Fact]
    public void Row10ListEvent() => ExpectOurError("INNG013");

    [Fact]
    public void Row14Collections() => Check();

    /// <summary>Row 16: both events compile together, no collision is reported, and each matches the oracle.</summary>
    [Fact]
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
