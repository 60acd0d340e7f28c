using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/Tuples.cs: Tuples and KeyValuePair.</summary>
public sealed class TuplesTests() : CaseFileTests("Tuples.cs")
{
    [Fact]
    [Trait("oracle", "pending")]
    public void ValueTuples() => Check();

    [Fact]
    public void ReferenceTuples() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void KeyValuePairs() => Check();
}
