using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/CreationAndUnmapped.cs: [JsonObjectCreationHandling] and [JsonUnmappedMemberHandling].</summary>
public sealed class CreationAndUnmappedTests() : CaseFileTests("CreationAndUnmapped.cs")
{
    [Fact]
    public void PopulateMembers() => Check();

    [Fact]
    public void PopulateType() => Check();

    [Fact]
    public void DisallowUnmapped() => Check();

    [Fact]
    public void NestedDisallow() => Check();

    [Fact]
    public void SkipUnmapped() => Check();
}
