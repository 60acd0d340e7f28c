using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/Collections.cs: Collection shapes.</summary>
public sealed class CollectionsTests() : CaseFileTests("Collections.cs")
{
    [Fact]
    public void InterfaceCollections() => Check();

    [Fact]
    public void ConcreteCollections() => Check();

    [Fact]
    public void ConcurrentCollections() => Check();

    [Fact]
    public void ImmutableCollections() => Check();

    [Fact]
    public void FrozenCollections() => Check();

    [Fact]
    public void CustomCollections() => Check();

    [Fact]
    public void Arrays() => Check();

    [Fact]
    public void CollectionsOfObjects() => Check();
}
