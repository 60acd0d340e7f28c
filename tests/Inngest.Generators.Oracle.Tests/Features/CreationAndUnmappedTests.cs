using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/CreationAndUnmapped.cs: [JsonObjectCreationHandling] and [JsonUnmappedMemberHandling].</summary>
public sealed class CreationAndUnmappedTests() : CaseFileTests("CreationAndUnmapped.cs")
{
    [Fact]
    [Trait("oracle", "pending")]
    public void PopulateMembers() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void PopulateType() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void DisallowUnmapped() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void NestedDisallow() => Check();

    [Fact]
    public void SkipUnmapped() => Check();
}
