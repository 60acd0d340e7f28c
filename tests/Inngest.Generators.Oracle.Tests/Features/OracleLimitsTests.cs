using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/OracleLimits.cs: what STJ's generator reports SYSLIB for: ours must report a diagnostic for the same member.</summary>
public sealed class OracleLimitsTests() : CaseFileTests("OracleLimits.cs")
{
    [Fact]
    public void IncludePrivateSetter() => Check();

    [Fact]
    public void IncludePrivateField() => Check();

    [Fact]
    public void IncludePrivateProperty() => Check();

    [Fact]
    public void PrivateMarkedConstructor() => Check();

    [Fact]
    public void TwoExtensionData() => Check();

    [Fact]
    public void TwoMarkedConstructors() => Check();

    [Fact]
    public void ExtensionDataOfInt() => Check();
}
