using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/ObsoleteMembers.cs (issue row 12; the oracle is reflection, see the file).</summary>
public sealed class ObsoleteMembersTests() : CaseFileTests("ObsoleteMembers.cs")
{
    [Fact]
    public void Row12Obsolete() => Check();
}
