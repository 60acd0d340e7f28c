using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/MemberAttributes.cs: member attributes: names, ignore, order, include.</summary>
public sealed class MemberAttributesTests() : CaseFileTests("MemberAttributes.cs")
{
    [Fact]
    public void IgnoreConditions() => Check();

    [Fact]
    public void NamesAndOrder() => Check();

    [Fact]
    public void Includes() => Check();

    [Fact]
    public void Inherited() => Check();

    [Fact]
    public void ReadOnlyCollectionMembers() => Check();

    [Fact]
    public void IncludeGetOnly() => Check();
}
