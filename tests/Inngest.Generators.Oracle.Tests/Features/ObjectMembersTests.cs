using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/ObjectMembers.cs: object and JSON DOM members.</summary>
public sealed class ObjectMembersTests() : CaseFileTests("ObjectMembers.cs")
{
    [Fact]
    public void ObjectMembers() => Check();

    [Fact]
    public void DomMembers() => Check();

    [Fact]
    public void ElementMembers() => Check();
}
