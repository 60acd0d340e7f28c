using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/Core.cs: positional records, classes, structs, nesting and recursion.</summary>
public sealed class CoreTests() : CaseFileTests("Core.cs")
{
    [Fact]
    public void PositionalRecord() => Check();

    [Fact]
    public void PropertyClass() => Check();

    [Fact]
    public void NestedGraph() => Check();

    [Fact]
    public void RecursiveTree() => Check();
}
