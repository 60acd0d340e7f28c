using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/Tuples.cs: Tuples and KeyValuePair.</summary>
public sealed class TuplesTests() : CaseFileTests("Tuples.cs")
{
    [Fact]
    public void ValueTuples() => Check();

    [Fact]
    public void ReferenceTuples() => Check();

    [Fact]
    public void KeyValuePairs() => Check();
}
