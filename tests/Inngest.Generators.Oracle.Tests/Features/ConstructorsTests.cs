using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/Constructors.cs: constructor selection and binding.</summary>
public sealed class ConstructorsTests() : CaseFileTests("Constructors.cs")
{
    [Fact]
    public void MarkedConstructor() => Check();

    [Fact]
    public void IgnoredParameter() => Check();

    [Fact]
    public void IgnoredParameterWithDefault() => Check();

    [Fact]
    public void StructWithConstructor() => Check();

    [Fact]
    public void RecordStruct() => Check();

    [Fact]
    public void RenamedParameter() => Check();

    [Fact]
    public void CtorPlusSetters() => Check();

    [Fact]
    public void InternalMarkedConstructor() => Check();

    [Fact]
    public void ProtectedMarkedConstructor() => Check();
}
