using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/Depth.cs: depth limits and cycles.</summary>
public sealed class DepthTests() : CaseFileTests("Depth.cs")
{
    [Fact]
    [Trait("oracle", "pending")]
    public void DeepTree() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void DeepLinked() => Check();
}
