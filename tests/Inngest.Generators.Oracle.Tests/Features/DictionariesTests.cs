using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/Dictionaries.cs: Dictionary shapes and key types.</summary>
public sealed class DictionariesTests() : CaseFileTests("Dictionaries.cs")
{
    [Fact]
    [Trait("oracle", "pending")]
    public void NonStringKeys() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void DictionaryInterfaces() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void ConcreteDictionaries() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void ImmutableDictionaries() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void FrozenDictionaries() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void CustomDictionaries() => Check();

    [Fact]
    [Trait("oracle", "pending")]
    public void NestedDictionaries() => Check();
}
