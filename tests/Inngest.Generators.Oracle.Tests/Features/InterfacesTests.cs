using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/Interfaces.cs: interface-typed members.</summary>
public sealed class InterfacesTests() : CaseFileTests("Interfaces.cs")
{
    [Fact]
    public void PlainInterface() => Check();

    [Fact]
    public void PolymorphicInterface() => Check();
}
