using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/Polymorphism.cs.</summary>
public sealed class PolymorphismTests() : CaseFileTests("Polymorphism.cs")
{
    [Fact]
    public void PolyAbstractMember() => Check();

    [Fact]
    public void PolyConcreteBase() => Check();

    [Fact]
    public void PolyCollections() => Check();

    [Fact]
    public void PolyFallback() => Check();

    [Fact]
    public void PolyNested() => Check();

    [Fact]
    public void PolyEventAbstract() => Check();

    [Fact]
    public void PolyEventConcrete() => Check();
}
