using System;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inngest.Generators.Tests.Corpus;
using Inngest.Generators.Tests.Parity;

namespace Inngest.Receiving.Tests.Corpus;

/// <summary>
/// The feature half of the parity corpus (FeaturePayloads.cs, linked from the generator tests): the values the
/// generator's ParityFeatureTests write go to the capture server and parse back to the same record, and the inputs it
/// reads parse as an event's data exactly as System.Text.Json's reflection serializer reads them (the same value, or
/// a failure where reflection fails).
/// </summary>
public sealed class FeatureRoundTripTests
{
    /// <summary>Sent and parsed back: the reflection JSON of the parsed payload is the sent one's.</summary>
    private static void RoundTrips<T>(T value)
        where T : IInngestEventData<T>
        => ParityAssert.Bytes(value, T.JsonTypeInfo, expectFastPath: false);

    /// <summary>Parsed as an event's data like reflection reads the data alone.</summary>
    private static void ReadsLikeReflection<T>(string data)
        where T : IInngestEventData<T>
    {
        string expected;
        try
        {
            expected = JsonSerializer.Serialize(JsonSerializer.Deserialize<T>(data, ParityAssert.Reflection), ParityAssert.Reflection);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            var error = Assert.Throws<InngestEventParseException>(() => InngestEvent.Parse<T>("{\"name\":\"" + T.EventName + "\",\"data\":" + data + "}"));
            Assert.Equal(InngestEventParseError.InvalidData, error.Error);
            Assert.Equal(ex.GetType(), error.InnerException!.GetType());
            return;
        }

        // Both the single-pass read (name first) and the slice read (data first) give reflection's value.
        var nameFirst = InngestEvent.Parse<T>("{\"name\":\"" + T.EventName + "\",\"data\":" + data + "}");
        var dataFirst = InngestEvent.Parse<T>("{\"data\":" + data + ",\"name\":\"" + T.EventName + "\"}");
        Assert.Equal(expected, JsonSerializer.Serialize(nameFirst.Data, ParityAssert.Reflection));
        Assert.Equal(expected, JsonSerializer.Serialize(dataFirst.Data, ParityAssert.Reflection));
    }

    [Fact]
    public void Extension_data()
    {
        RoundTrips(new WithExtensionData("a") { Extra = new Dictionary<string, JsonElement> { ["x"] = JsonDocument.Parse("1").RootElement } });
        ReadsLikeReflection<WithExtensionData>("""{"id":"a","x":1,"y":{"z":[true]}}""");
        // Not sent: a [JsonExtensionData] JsonObject cannot be written inside an envelope by System.Text.Json itself
        // (reflection throws "Cannot write the start of an object or array without a property name" once the writer
        // is not at the root), so the send fails as invalid before any request; reading it works.
        ReadsLikeReflection<WithExtensionObject>("""{"id":"a","n":2,"s":"t"}""");
    }

    [Fact]
    public void Object_creation_handling()
    {
        RoundTrips(new PopulatedType());
        ReadsLikeReflection<PopulatedType>("""{"numbers":[2,3],"settings":{"tags":["x"],"limits":{"a":1}}}""");
        RoundTrips(new PopulatedMember());
        ReadsLikeReflection<PopulatedMember>("""{"numbers":[2],"replaced":[2]}""");
    }

    [Fact]
    public void Unmapped_member_handling_and_constructors()
    {
        ReadsLikeReflection<Strict>("""{"id":"a"}""");
        ReadsLikeReflection<Strict>("""{"id":"a","other":1}""");
        RoundTrips(new WithConstructor("x", 3));
        ReadsLikeReflection<WithConstructor>("""{"id":"x"}""");
        ReadsLikeReflection<WithConstructor>("""{"id":"x","count":2}""");
    }

    [Fact]
    public void Required_members_and_number_handling()
    {
        RoundTrips(new RequiredMembers { Name = "n", Count = 1 });
        ReadsLikeReflection<RequiredMembers>("""{"name":"n","count":1,"optional":"o"}""");
        ReadsLikeReflection<RequiredMembers>("""{"name":"n"}""");
        ReadsLikeReflection<RequiredMembers>("""{"count":1}""");
        RoundTrips(new NumberHandlingMembers(5, double.NaN, new List<int> { 1 }));
        ReadsLikeReflection<NumberHandlingMembers>("""{"asString":"5","named":"Infinity","plain":["1"]}""");
        ReadsLikeReflection<NumberHandlingMembers>("""{"asString":"x","named":1,"plain":[]}""");
    }

    [Fact]
    public void Enum_member_names_and_converter_factories()
    {
        RoundTrips(new EnumMemberNames(Tier.Pro, new List<Tier> { Tier.Free, Tier.Pro }));
        ReadsLikeReflection<EnumMemberNames>("""{"tier":"free-tier","numeric":[1]}""");
        ReadsLikeReflection<EnumMemberNames>("""{"tier":"Free","numeric":[]}""");
        RoundTrips(new ConverterFactoryMember("hey", "hey"));
        ReadsLikeReflection<ConverterFactoryMember>("""{"shout":"HEY","quiet":"q"}""");
    }

    [Fact]
    public void Every_collection_shape()
    {
        var value = new MoreCollections(
            new[] { 5, 2 }, new HashSet<string> { "a5" }, new SortedSet<int> { 3, 5 }, new LinkedList<int>(new[] { 1, 5 }),
            new Queue<int>(new[] { 1, 2 }), new Stack<int>(new[] { 1, 2 }), new ConcurrentQueue<int>(new[] { 5 }), new ConcurrentStack<int>(new[] { 1, 2 }),
            ImmutableList.Create("x"), ImmutableList.Create("y"), ImmutableHashSet.Create(5), ImmutableQueue.Create(1, 2), ImmutableStack.Create(1, 2),
            ImmutableSortedSet.Create(2, 1), ImmutableDictionary<string, int>.Empty.Add("k", 5), ImmutableSortedDictionary<string, int>.Empty.Add("b", 2).Add("a", 1),
            new[] { 5 }.ToFrozenSet(), new Dictionary<string, int> { ["f"] = 5 }.ToFrozenDictionary(),
            new Tags { "t" }, new Scores { ["s"] = 0.5 }, new Labels { "l" }, new ReadOnlyCollection<int>(new[] { 9 }));
        var json = JsonSerializer.Serialize(value, ParityAssert.Reflection);
        ReadsLikeReflection<MoreCollections>(json);
        ReadsLikeReflection<MoreCollections>(json.Replace("\"readOnlyCollection\":[9]", "\"readOnlyCollection\":null", StringComparison.Ordinal));
    }

    [Fact]
    public void Non_string_dictionary_keys()
    {
        var value = new NonStringKeys(new Dictionary<int, string> { [1] = "a", [-2] = "b" }, new Dictionary<long, int> { [long.MaxValue] = 1 },
            new Dictionary<Guid, int> { [Guid.Empty] = 1 }, new Dictionary<Kind, int> { [Kind.B] = 2 }, new SortedDictionary<DateOnly, int> { [new DateOnly(2024, 5, 15)] = 3 },
            new Dictionary<uint, bool> { [7] = true });
        RoundTrips(value);
        var json = JsonSerializer.Serialize(value, ParityAssert.Reflection);
        ReadsLikeReflection<NonStringKeys>(json.Replace("\"1\":\"a\"", "\"x\":\"a\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Memory_KeyValuePair_tuples_object_and_the_JSON_DOM()
    {
        var value = new SpecialValues(new byte[] { 1, 2 }, new byte[] { 3 }, new[] { 4, 5 }, new KeyValuePair<string, int>("k", 1),
            new List<KeyValuePair<int, string>> { new(1, "one") }, (7, "seven"), 1, new object?[] { 1.5, "s", true, null },
            JsonDocument.Parse("""{"a":[1]}""").RootElement, JsonNode.Parse("[1,{\"b\":null}]"), JsonDocument.Parse("42"));
        RoundTrips(value);
    }

    [Fact]
    public void Interfaces_and_abstract_types()
    {
        ReadsLikeReflection<DeclaredTypes>("""{"who":null,"pet":null,"names":[]}""");
        ReadsLikeReflection<DeclaredTypes>("""{"who":{"name":"x"},"pet":null,"names":[]}""");
    }
}
