using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/ExtensionData.cs: [JsonExtensionData].</summary>
public sealed class ExtensionDataTests() : CaseFileTests("ExtensionData.cs")
{
    [Fact]
    public void ExtensionObjects() => Check();

    [Fact]
    public void ExtensionElements() => Check();

    [Fact]
    public void ExtensionNode() => Check();

    [Fact]
    public void ExtensionOnRecord() => Check();
}
