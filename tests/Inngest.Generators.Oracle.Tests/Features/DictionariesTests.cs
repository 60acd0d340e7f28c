using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Features;

/// <summary>Cases/Dictionaries.cs: Dictionary shapes and key types.</summary>
public sealed class DictionariesTests() : CaseFileTests("Dictionaries.cs")
{
    [Fact]
    public void NonStringKeys() => Check();

    [Fact]
    public void DictionaryInterfaces() => Check();

    [Fact]
    public void ConcreteDictionaries() => Check();

    [Fact]
    public void ImmutableDictionaries() => Check();

    [Fact]
    public void FrozenDictionaries() => Check();

    [Fact]
    public void CustomDictionaries() => Check();

    [Fact]
    public void NestedDictionaries() => Check();
}
