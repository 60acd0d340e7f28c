using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/Polymorphism.cs.</summary>
public sealed class PolymorphismTests() : CaseFileTests("Polymorphism.cs")
{
    [Fact]
    [Trait("oracle", "pending")]
    public void PolyAbstractMember() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void PolyConcreteBase() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void PolyCollections() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void PolyFallback() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void PolyNested() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void PolyEventAbstract() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void PolyEventConcrete() => Check();
}
