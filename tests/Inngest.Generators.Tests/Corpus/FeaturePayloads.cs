using System;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Inngest.Generators.Tests.Corpus;

// System.Text.Json attributes and shapes its own generator supports in metadata mode; ParityFeatureTests compares
// every one with reflection, both paths, writing and reading.

[InngestEvent("test/features.extension-data")]
public sealed partial record WithExtensionData(string Id)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

[InngestEvent("test/features.extension-object")]
public sealed partial class WithExtensionObject
{
    public string Id { get; set; } = "";

    [JsonExtensionData]
    public JsonObject? Extra { get; set; }
}

public sealed class Settings
{
    public List<string> Tags { get; } = new() { "default" };

    public Dictionary<string, int> Limits { get; } = new();
}

[InngestEvent("test/features.populate")]
[JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
public sealed partial class PopulatedType
{
    public List<int> Numbers { get; } = new() { 1 };

    public Settings Settings { get; set; } = new();
}

[InngestEvent("test/features.populate-member")]
public sealed partial class PopulatedMember
{
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public List<int> Numbers { get; } = new() { 1 };

    public List<int> Replaced { get; set; } = new() { 1 };
}

[InngestEvent("test/features.disallow")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed partial record Strict(string Id);

[InngestEvent("test/features.constructor")]
public sealed partial class WithConstructor
{
    public WithConstructor()
    {
        Id = "parameterless";
    }

    [JsonConstructor]
    public WithConstructor(string id, int count = 7)
    {
        Id = id;
        Count = count;
    }

    public string Id { get; }

    public int Count { get; }
}

[InngestEvent("test/features.required")]
public sealed partial class RequiredMembers
{
    public required string Name { get; init; }

    [JsonRequired]
    public int Count { get; set; }

    public string Optional { get; init; } = "default";
}

[InngestEvent("test/features.number-handling")]
public sealed partial record NumberHandlingMembers(
    [property: JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)] int AsString,
    [property: JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] double Named,
    List<int> Plain);

public enum Tier
{
    [JsonStringEnumMemberName("free-tier")]
    Free,
    [JsonStringEnumMemberName("pro-tier")]
    Pro,
}

[InngestEvent("test/features.enum-member-names")]
public sealed partial record EnumMemberNames([property: JsonConverter(typeof(JsonStringEnumConverter<Tier>))] Tier Tier, List<Tier> Numeric);

/// <summary>A factory: the generated metadata asks it for the member's converter.</summary>
public sealed class UpperCaseFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(string);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) => new UpperCase();

    private sealed class UpperCase : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()!.ToLowerInvariant();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToUpperInvariant());
    }
}

[InngestEvent("test/features.converter-factory")]
public sealed partial record ConverterFactoryMember([property: JsonConverter(typeof(UpperCaseFactory))] string Shout, string Quiet);

public sealed class Tags : List<string>;

public sealed class Scores : Dictionary<string, double>;

public sealed class Labels : Collection<string>;

[InngestEvent("test/features.collections")]
public sealed partial record MoreCollections(
    IReadOnlyCollection<int> ReadOnly,
    ISet<string> Set,
    SortedSet<int> Sorted,
    LinkedList<int> Linked,
    Queue<int> Queue,
    Stack<int> Stack,
    ConcurrentQueue<int> ConcurrentQueue,
    ConcurrentStack<int> ConcurrentStack,
    ImmutableList<string> ImmutableList,
    IImmutableList<string> IImmutableList,
    ImmutableHashSet<int> ImmutableHashSet,
    ImmutableQueue<int> ImmutableQueue,
    ImmutableStack<int> ImmutableStack,
    ImmutableSortedSet<int> ImmutableSortedSet,
    ImmutableDictionary<string, int> ImmutableDictionary,
    ImmutableSortedDictionary<string, int> ImmutableSortedDictionary,
    FrozenSet<int> FrozenSet,
    FrozenDictionary<string, int> FrozenDictionary,
    Tags Tags,
    Scores Scores,
    Labels Labels,
    ReadOnlyCollection<int> ReadOnlyCollection);

public enum Kind
{
    A,
    B,
}

[InngestEvent("test/features.keys")]
public sealed partial record NonStringKeys(
    Dictionary<int, string> ByInt,
    Dictionary<long, int> ByLong,
    Dictionary<Guid, int> ByGuid,
    Dictionary<Kind, int> ByEnum,
    SortedDictionary<DateOnly, int> ByDate,
    IReadOnlyDictionary<uint, bool> ByUInt);

[InngestEvent("test/features.values")]
public sealed partial record SpecialValues(
    Memory<byte> Bytes,
    ReadOnlyMemory<byte> ReadOnlyBytes,
    Memory<int> Numbers,
    KeyValuePair<string, int> Pair,
    List<KeyValuePair<int, string>> Pairs,
    (int Id, string Name) Tuple,
    object? Anything,
    object?[] Things,
    JsonElement Element,
    JsonNode? Node,
    JsonDocument? Document);

public interface IHasName
{
    string Name { get; }
}

public interface IHasNameAndAge : IHasName
{
    int Age { get; }
}

public sealed class Person : IHasNameAndAge
{
    public string Name { get; set; } = "";

    public int Age { get; set; }

    public string Hidden { get; set; } = "not on the interface";
}

public abstract class Animal
{
    public string Sound { get; set; } = "";
}

public sealed class Dog : Animal
{
    public bool Good { get; set; }
}

[InngestEvent("test/features.declared-types")]
public sealed partial record DeclaredTypes(IHasNameAndAge Who, Animal Pet, List<IHasName> Names);
