using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/Depth.cs: depth limits and cycles.</summary>
public sealed class DepthTests() : CaseFileTests("Depth.cs")
{
    [Fact]
    public void DeepTree() => Check();

    [Fact]
    public void DeepLinked() => Check();
}
