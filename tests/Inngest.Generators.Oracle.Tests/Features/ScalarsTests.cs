using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/Scalars.cs: Scalars, nullable value types, Memory&lt;T&gt;.</summary>
public sealed class ScalarsTests() : CaseFileTests("Scalars.cs")
{
    [Fact]
    public void Numbers() => Check();

    [Fact]
    public void ReadableNumbers() => Check();

    [Fact]
    public void Others() => Check();

    [Fact]
    public void Nullables() => Check();

    [Fact]
    public void MemoryBytes() => Check();

    [Fact]
    public void MemoryOfInts() => Check();
}
