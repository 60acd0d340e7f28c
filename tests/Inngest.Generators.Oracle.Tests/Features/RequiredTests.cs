using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/Required.cs: required members and init defaults.</summary>
public sealed class RequiredTests() : CaseFileTests("Required.cs")
{
    [Fact]
    public void JsonRequiredMembers() => Check();

    [Fact]
    public void RequiredKeyword() => Check();

    [Fact]
    public void InitDefaults() => Check();

    [Fact]
    public void RecordDefaults() => Check();

    [Fact]
    public void SetsRequired() => Check();

    [Fact]
    public void CtorAndRequired() => Check();
}
