using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/Collections.cs: Collection shapes.</summary>
public sealed class CollectionsTests() : CaseFileTests("Collections.cs")
{
    [Fact]
    [Trait("oracle", "pending")]
    public void InterfaceCollections() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void ConcreteCollections() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void ConcurrentCollections() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void ImmutableCollections() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void FrozenCollections() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void CustomCollections() => Check();

    [Fact]
    public void Arrays() => Check();

    [Fact]
    public void CollectionsOfObjects() => Check();
}
