using System;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Inngest.Generators.Tests.Corpus;

namespace Inngest.Generators.Tests.Parity;

/// <summary>
/// System.Text.Json attributes and shapes beyond the basic corpus (FeaturePayloads.cs): the generated metadata writes
/// what reflection writes on both paths, reads what reflection reads, and throws the same exception types on bad input.
/// </summary>
public sealed class ParityFeatureTests
{
    private static JsonTypeInfo<T> Info<T>()
        where T : IInngestEventData<T>
        => T.JsonTypeInfo;

    /// <summary>Writes like reflection on the fast path and the metadata path; returns the JSON.</summary>
    private static string Writes<T>(T value, bool fastPath)
        where T : IInngestEventData<T>
    {
        var expected = JsonSerializer.Serialize(value, ParityAssert.Reflection);
        Assert.Equal(expected, JsonSerializer.Serialize(value, Info<T>()));
        Assert.Equal(expected, JsonSerializer.Serialize(value, ParityAssert.MetadataPath(Info<T>())));
        Assert.Equal(fastPath, ParityAssert.UsesFastPath(Info<T>()));
        return expected;
    }

    /// <summary>Reads <paramref name="json"/> like reflection (compared by writing the results with reflection), or throws the same exception type.</summary>
    private static void Reads<T>(string json)
        where T : IInngestEventData<T>
    {
        var expected = Outcome(() => JsonSerializer.Deserialize<T>(json, ParityAssert.Reflection));
        Assert.Equal(expected, Outcome(() => JsonSerializer.Deserialize(json, Info<T>())));
        Assert.Equal(expected, Outcome(() => JsonSerializer.Deserialize(json, ParityAssert.MetadataPath(Info<T>()))));
    }

    private static string Outcome<T>(Func<T?> read)
    {
        try
        {
            return "value " + JsonSerializer.Serialize(read(), ParityAssert.Reflection);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return "throws " + ex.GetType().Name;
        }
    }

    [Fact]
    public void Extension_data_dictionary_is_written_and_collected()
    {
        var value = new WithExtensionData("a") { Extra = new Dictionary<string, JsonElement> { ["x"] = JsonDocument.Parse("1").RootElement } };
        Assert.Equal("""{"id":"a","x":1}""", Writes(value, fastPath: false));
        Reads<WithExtensionData>("""{"id":"a","x":1,"y":{"z":[true]}}""");
    }

    [Fact]
    public void Extension_data_JsonObject()
    {
        Writes(new WithExtensionObject { Id = "a", Extra = new JsonObject { ["n"] = 2 } }, fastPath: false);
        Reads<WithExtensionObject>("""{"id":"a","n":2,"s":"t"}""");
    }

    [Fact]
    public void Object_creation_handling_populate_on_the_type_and_on_a_member()
    {
        Writes(new PopulatedType(), fastPath: true);
        Reads<PopulatedType>("""{"numbers":[2,3],"settings":{"tags":["x"],"limits":{"a":1}}}""");
        Writes(new PopulatedMember(), fastPath: true);
        Reads<PopulatedMember>("""{"numbers":[2],"replaced":[2]}""");
    }

    [Fact]
    public void Unmapped_member_handling_disallow_rejects_unknown_properties()
    {
        Reads<Strict>("""{"id":"a"}""");
        Reads<Strict>("""{"id":"a","other":1}""");
    }

    [Fact]
    public void JsonConstructor_with_a_default_parameter_value()
    {
        Writes(new WithConstructor("x", 3), fastPath: true);
        Reads<WithConstructor>("""{"id":"x"}""");
        Reads<WithConstructor>("""{"id":"x","count":2}""");
    }

    [Fact]
    public void Required_JsonRequired_and_init_members()
    {
        Writes(new RequiredMembers { Name = "n", Count = 1 }, fastPath: true);
        Reads<RequiredMembers>("""{"name":"n","count":1,"optional":"o"}""");
        Reads<RequiredMembers>("""{"name":"n"}""");
        Reads<RequiredMembers>("""{"count":1}""");
    }

    [Fact]
    public void Number_handling_on_members()
    {
        Assert.Equal("""{"asString":"5","named":"NaN","plain":[1]}""", Writes(new NumberHandlingMembers(5, double.NaN, new List<int> { 1 }), fastPath: false));
        Reads<NumberHandlingMembers>("""{"asString":"5","named":"Infinity","plain":["1"]}""");
        Reads<NumberHandlingMembers>("""{"asString":"x","named":1,"plain":[]}""");
    }

    [Fact]
    public void JsonStringEnumMemberName_is_honoured_by_the_generic_converter()
    {
        Assert.Equal("""{"tier":"pro-tier","numeric":[0,1]}""", Writes(new EnumMemberNames(Tier.Pro, new List<Tier> { Tier.Free, Tier.Pro }), fastPath: false));
        Reads<EnumMemberNames>("""{"tier":"free-tier","numeric":[1]}""");
        Reads<EnumMemberNames>("""{"tier":"Free","numeric":[]}""");
    }

    [Fact]
    public void Converter_factory_on_a_member()
    {
        Assert.Equal("""{"shout":"HEY","quiet":"hey"}""", Writes(new ConverterFactoryMember("hey", "hey"), fastPath: false));
        Reads<ConverterFactoryMember>("""{"shout":"HEY","quiet":"q"}""");
    }

    private static MoreCollections Collections(int seed) => new(
        new[] { seed, 2 }, new HashSet<string> { "a" + seed }, new SortedSet<int> { 3, seed }, new LinkedList<int>(new[] { 1, seed }),
        new Queue<int>(new[] { 1, 2 }), new Stack<int>(new[] { 1, 2 }), new ConcurrentQueue<int>(new[] { seed }), new ConcurrentStack<int>(new[] { 1, 2 }),
        ImmutableList.Create("x"), ImmutableList.Create("y"), ImmutableHashSet.Create(seed), ImmutableQueue.Create(1, 2), ImmutableStack.Create(1, 2),
        ImmutableSortedSet.Create(2, 1), ImmutableDictionary<string, int>.Empty.Add("k", seed), ImmutableSortedDictionary<string, int>.Empty.Add("b", 2).Add("a", 1),
        new[] { seed }.ToFrozenSet(), new Dictionary<string, int> { ["f"] = seed }.ToFrozenDictionary(),
        new Tags { "t" }, new Scores { ["s"] = 0.5 }, new Labels { "l" }, new ReadOnlyCollection<int>(new[] { 9 }));

    [Fact]
    public void Every_collection_shape_writes_and_reads_like_reflection()
    {
        var json = Writes(Collections(5), fastPath: true);
        Reads<MoreCollections>(json);
        Reads<MoreCollections>(json.Replace("\"readOnlyCollection\":[9]", "\"readOnlyCollection\":null", StringComparison.Ordinal));
    }

    [Fact]
    public void Non_string_dictionary_keys()
    {
        var value = new NonStringKeys(new Dictionary<int, string> { [1] = "a", [-2] = "b" }, new Dictionary<long, int> { [long.MaxValue] = 1 },
            new Dictionary<Guid, int> { [Guid.Empty] = 1 }, new Dictionary<Kind, int> { [Kind.B] = 2 }, new SortedDictionary<DateOnly, int> { [new DateOnly(2024, 5, 15)] = 3 },
            new Dictionary<uint, bool> { [7] = true });
        var json = Writes(value, fastPath: true);
        Reads<NonStringKeys>(json);
        Reads<NonStringKeys>(json.Replace("\"1\":\"a\"", "\"x\":\"a\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Memory_KeyValuePair_tuples_object_and_the_JSON_DOM()
    {
        var value = new SpecialValues(new byte[] { 1, 2 }, new byte[] { 3 }, new[] { 4, 5 }, new KeyValuePair<string, int>("k", 1),
            new List<KeyValuePair<int, string>> { new(1, "one") }, (7, "seven"), new Dictionary<string, object?> { ["n"] = 1 }.Count, new object?[] { 1.5, "s", true, null },
            JsonDocument.Parse("""{"a":[1]}""").RootElement, JsonNode.Parse("[1,{\"b\":null}]"), JsonDocument.Parse("42"));
        var json = Writes(value, fastPath: false);
        Reads<SpecialValues>(json);
    }

    [Fact]
    public void Interfaces_and_abstract_types_are_written_by_their_declared_type()
    {
        var value = new DeclaredTypes(new Person { Name = "p", Age = 3 }, new Dog { Sound = "woof", Good = true }, new List<IHasName> { new Person { Name = "q" } });
        Assert.Equal("""{"who":{"age":3,"name":"p"},"pet":{"sound":"woof"},"names":[{"name":"q"}]}""", Writes(value, fastPath: true));
        Reads<DeclaredTypes>("""{"who":null,"pet":null,"names":[]}""");
        Reads<DeclaredTypes>("""{"who":{"name":"x"},"pet":null,"names":[]}""");
    }
}
