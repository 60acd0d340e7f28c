using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/Converters.cs: [JsonConverter] and enum converters.</summary>
public sealed class ConvertersTests() : CaseFileTests("Converters.cs")
{
    [Fact]
    public void Enums() => Check();

    [Fact]
    public void FlagsAndNames() => Check();

    [Fact]
    public void CustomConverters() => Check();

    [Fact]
    public void ConverterOnType() => Check();

    [Fact]
    public void ConverterOnEvent() => Check();
}
