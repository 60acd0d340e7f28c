using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/NumberHandling.cs: [JsonNumberHandling].</summary>
public sealed class NumberHandlingTests() : CaseFileTests("NumberHandling.cs")
{
    [Fact]
    public void MemberNumberHandling() => Check();

    [Fact]
    public void TypeNumberHandling() => Check();

    [Fact]
    public void StrictType() => Check();
}
