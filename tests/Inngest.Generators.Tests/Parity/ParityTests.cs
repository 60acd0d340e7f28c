using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inngest.Generators.Tests.Corpus;

namespace Inngest.Generators.Tests.Parity;

/// <summary>Byte-for-byte parity with System.Text.Json's reflection serializer over the corpus.</summary>
public sealed class ParityTests
{
    private static T Check<T>(T value, bool fastPath = true)
        where T : IInngestEventData<T>
    {
        ParityAssert.Bytes(value, T.JsonTypeInfo, fastPath);
        return value;
    }

    private static readonly Address Home = new("1 Main St", "Springfield", null);

    [Fact]
    public void Positional_record() => Check(new AccountCreated("645e9f6794e10937e9bdc201", "pro"));

    [Fact]
    public void All_number_types() => Check(new Numbers(255, -128, short.MinValue, ushort.MaxValue, int.MinValue, uint.MaxValue, long.MinValue, ulong.MaxValue, 3.25f, 1.0 / 3, 79228162514264337593543950335m, (Half)1.5, Int128.MaxValue, UInt128.MaxValue), fastPath: true);

    [Fact]
    public void Scalars() => Check(new Scalars(true, "h\u00e9llo \"w\" <b> \U0001F600", 'x', Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), new DateTime(2024, 5, 15, 10, 30, 0, DateTimeKind.Utc),
        new DateTimeOffset(2024, 5, 15, 10, 30, 0, TimeSpan.FromHours(2)), new DateOnly(2024, 5, 15), new TimeOnly(13, 45, 12, 250), TimeSpan.FromMinutes(90.5), new Uri("https://example.com/a?b=c"), new Version(1, 2, 3)));

    [Fact]
    public void Scalars_with_nulls() => Check(new Scalars(false, null, '\0', Guid.Empty, default, default, default, default, default, null, null));

    [Fact]
    public void Enums_plain_string_and_nullable() => Check(new Enums(Color.Green, Shade.Dark, Mood.Grumpy, Color.Blue, Shade.Light, Color.Red, Color.Blue, Mood.Grumpy), fastPath: false);

    [Fact]
    public void Enums_with_null_nullables() => Check(new Enums(Color.Red, Shade.Light, Mood.Happy, null, null, Color.Green, null, null), fastPath: false);

    [Fact]
    public void Nullables_with_values() => Check(new Nullables(5, true, Guid.NewGuid(), DateTimeOffset.UnixEpoch, 2.5, "x"));

    [Fact]
    public void Nullables_without_values() => Check(new Nullables(null, null, null, null, null, null));

    [Fact]
    public void Collections() => Check(new Collections(new[] { 1, 2, 3 }, new List<string> { "a", "b" }, new List<long> { long.MaxValue }, new[] { "r" }, new List<int> { 4 }, new[] { "e1", "e2" },
        new HashSet<int> { 7 }, ImmutableArray.Create("i1", "i2"), new byte[] { 0, 1, 2, 250 }));

    [Fact]
    public void Empty_collections() => Check(new Collections(Array.Empty<int>(), new List<string>(), new List<long>(), Array.Empty<string>(), new List<int>(), Array.Empty<string>(), new HashSet<int>(), ImmutableArray<string>.Empty, Array.Empty<byte>()));

    [Fact]
    public void Dictionaries() => Check(new Dictionaries(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }, new Dictionary<string, string> { ["k"] = "v" },
        new Dictionary<string, List<int>> { ["g"] = new() { 1, 2 } }, new Dictionary<string, Address> { ["home"] = Home }));

    [Fact]
    public void Nested_objects_structs_and_record_structs() => Check(new Nested(
        new Customer { Name = "Taylor", Home = Home, Location = new GeoPoint { Lat = 52.5, Lng = 13.4 }, Payments = new() { new Money(9.99m, "EUR") } },
        new[] { Home, new Address("2 Side St", "Shelbyville", "12345") }, new Money(1m, "USD"), new GeoPoint { Lat = 1, Lng = 2 }));

    [Fact]
    public void Nested_nulls() => Check(new Nested(new Customer(), Array.Empty<Address>(), null, null));

    [Fact]
    public void Json_element_and_nodes() => Check(new JsonValues(JsonDocument.Parse("{\"a\":[1,true,null,\"s\"]}").RootElement, JsonNode.Parse("[1,2]"), new JsonObject { ["x"] = 1 }, new JsonArray(1, "two")));

    [Fact]
    public void Json_nulls() => Check(new JsonValues(JsonDocument.Parse("null").RootElement, null, null, null));

    [Fact]
    public void Attributes_rename_ignore_order_include() => Check(new Attributed { Renamed = "r", OmittedWhenNull = null, OmittedWhenDefault = 0, First = 1, Last = 2, Field = 3 });

    [Fact]
    public void Attributes_with_conditional_values_present() => Check(new Attributed { OmittedWhenNull = "present", OmittedWhenDefault = 5 });

    [Fact]
    public void Number_handling_on_member() => Check(new NumberHandled { AsString = 42, Plain = 7 }, fastPath: false);

    [Fact]
    public void Number_handling_on_type() => Check(new TypeNumberHandled(1, 2.5), fastPath: false);

    [Fact]
    public void Required_and_init_members() => Check(new RequiredInit { Name = "n", Count = 2, Optional = "o", Tags = new() { "t" } });

    [Fact]
    public void Custom_converters_on_member_and_type() => Check(new Converters("loud", new Point(1, 2), new Point(3, 4), new() { new Point(5, 6) }), fastPath: false);

    [Fact]
    public void Recursive_types()
    {
        var root = new TreeNode { Label = "root" };
        root.Children.Add(new TreeNode { Label = "child", Children = { new TreeNode { Label = "grandchild" } } });
        Check(new Recursive(root));
    }

    [Fact]
    public void Fast_path_loops_over_nested_records_lists_and_dictionaries()
    {
        var item = new LineItem("SKU-1", 2, 19.99m, new() { "a", "b\u00e9" }, 0.25);
        var other = new LineItem("SKU-2", 1, 0m, new(), null);
        Check(new FastCollections(
            new() { item, other, null! },
            new() { ["g"] = new() { "x", null! }, ["empty"] = new(), ["none"] = null! },
            new Dictionary<string, LineItem> { ["k \"q\""] = item, ["n"] = null! },
            new GeoPoint?[] { new GeoPoint { Lat = 1.5, Lng = -2 }, null },
            new[] { Home, null! },
            new[] { DateTimeOffset.UnixEpoch, new DateTimeOffset(2024, 5, 15, 10, 30, 0, TimeSpan.FromHours(-7)) },
            new HashSet<Guid> { Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e") },
            ImmutableArray.Create(item),
            new() { ["p"] = 1.10m, ["q"] = null },
            new() { short.MinValue, 0, short.MaxValue },
            200,
            new GeoPoint { Lat = 3, Lng = 4 }));
    }

    [Fact]
    public void Fast_path_loops_with_nulls_and_empties() => Check(new FastCollections(
        new(), new(), new Dictionary<string, LineItem>(), Array.Empty<GeoPoint?>(), null!, Array.Empty<DateTimeOffset>(), new(), ImmutableArray<LineItem>.Empty, new(), new(), null, null));

    [Fact]
    public void Enums_without_converters_on_the_fast_path()
    {
        Check(new FastEnums(Color.Blue, Color.Green, Small.Max, Wide.Min, Unsigned.Max, Tiny.Min, Perms.Read | Perms.Write,
            new() { Color.Red, (Color)42 }, new() { ["rw"] = Perms.Read | Perms.Write, ["none"] = null, ["odd"] = (Perms)(-7) }));
        Check(new FastEnums(default, null, default, Wide.Max, default, default, Perms.None, new(), new()));
    }

    [Fact]
    public void Default_immutable_array_throws_on_both_paths()
    {
        var value = new FastCollections(new(), new(), new Dictionary<string, LineItem>(), Array.Empty<GeoPoint?>(), null!, Array.Empty<DateTimeOffset>(), new(), default, new(), new(), null, null);
        var info = WithJsonTypeInfo<FastCollections>();
        Assert.True(ParityAssert.UsesFastPath(info));
        Assert.Throws<InvalidOperationException>(() => JsonSerializer.SerializeToUtf8Bytes(value, info));
        Assert.Throws<InvalidOperationException>(() => JsonSerializer.SerializeToUtf8Bytes(value, ParityAssert.MetadataPath(info)));
        Assert.Throws<InvalidOperationException>(() => JsonSerializer.SerializeToUtf8Bytes(value, ParityAssert.Reflection));
    }

    [Fact]
    public void Reference_cycles_throw_on_the_fast_path_instead_of_overflowing_the_stack()
    {
        var info = WithJsonTypeInfo<Recursive>();
        Assert.True(ParityAssert.UsesFastPath(info));

        // A cycle through a list, and one through a plain member, with the serializer's own writer
        // and with a writer whose depth limit is far above the options' MaxDepth.
        var throughList = new TreeNode { Label = "a" };
        throughList.Children.Add(throughList);
        var throughMember = new TreeNode { Label = "b" };
        throughMember.Parent = throughMember;
        foreach (var root in new[] { throughList, throughMember })
        {
            var value = new Recursive(root);
            Assert.Throws<JsonException>(() => JsonSerializer.SerializeToUtf8Bytes(value, info));
            Assert.Throws<JsonException>(() => JsonSerializer.SerializeToUtf8Bytes(value, ParityAssert.MetadataPath(info)));
            Assert.Throws<JsonException>(() => JsonSerializer.SerializeToUtf8Bytes(value, ParityAssert.Reflection));
            using var writer = new Utf8JsonWriter(new System.Buffers.ArrayBufferWriter<byte>(), new JsonWriterOptions { MaxDepth = 100_000 });
            Assert.Throws<JsonException>(() => JsonSerializer.Serialize(writer, value, info));
        }
    }

    [Fact]
    public void Deep_graphs_fail_at_the_same_depth_as_reflection()
    {
        var info = WithJsonTypeInfo<Recursive>();
        var metadata = ParityAssert.MetadataPath(info);
        for (var levels = 20; levels <= 40; levels++)
        {
            // Nested through Children (object + list per level) and through Parent (object per level).
            foreach (var viaList in new[] { true, false })
            {
                var root = new TreeNode { Label = "0" };
                var current = root;
                for (var i = 1; i < (viaList ? levels : levels * 2); i++)
                {
                    var next = new TreeNode { Label = i.ToString(CultureInfo.InvariantCulture) };
                    if (viaList)
                    {
                        current.Children.Add(next);
                    }
                    else
                    {
                        current.Parent = next;
                    }

                    current = next;
                }

                var value = new Recursive(root);
                Assert.Equal(Outcome(() => JsonSerializer.SerializeToUtf8Bytes(value, ParityAssert.Reflection)), Outcome(() => JsonSerializer.SerializeToUtf8Bytes(value, info)));
                Assert.Equal(Outcome(() => JsonSerializer.SerializeToUtf8Bytes(value, ParityAssert.Reflection)), Outcome(() => JsonSerializer.SerializeToUtf8Bytes(value, metadata)));
            }
        }

        static string Outcome(Func<byte[]> serialize)
        {
            try
            {
                return System.Text.Encoding.UTF8.GetString(serialize());
            }
            catch (JsonException)
            {
                return "JsonException";
            }
        }
    }

    [Fact]
    public void Record_struct_event() => Check(new RecordStructEvent(3, "rs"));

    [Fact]
    public void Plain_struct_event() => Check(new PlainStructEvent { Count = 4, Name = null });

    [Fact]
    public void Plain_class_event() => Check(new PlainClassEvent { Title = "t", Pages = 10 });

    [Fact]
    public void Inheritance_and_overrides() => Check(new Inheritance(new DerivedDetails { BaseName = "b", Extra = "e", Score = 9 }));

    [Fact]
    public void Types_from_other_assemblies() => Check(new Foreign(System.Net.HttpStatusCode.NotFound, Tuple.Create(1, "one"), new System.Drawing.Point(3, 4)));

    [Fact]
    public void Constructor_default_values() => Check(new WithDefaults("n", 5, "note", Color.Green));

    [Fact]
    public void Json_constructor() => Check(new ConstructorBound("c", 9));

    [Fact]
    public void Empty_record() => Check(new Empty());

    [Fact]
    public void Nested_collections() => Check(new NestedCollections(new() { new() { 1, 2 }, new() }, new() { ["a"] = new() { ["b"] = "c" } }, new() { 1, null, 3 }, new[] { "x", null }));

    [Fact]
    public void Escaped_property_names() => Check(new Escaping("odd", "uni"));

    [Fact]
    public void Camel_case_matches_the_naming_policy() => Check(new Casing("u", "ip", "id", "x", "a", "abc"));

    [Fact]
    public void Keyword_member_names() => Check(new Keywords("c", 1) { @namespace = "n" });

    [Fact]
    public void Nested_event_type() => Check(new Outer.InnerEvent("v"));

    [Fact]
    public void Internal_event_type() => Check(new InternalEvent("v"));

    [Fact]
    public void Missing_init_member_and_default_parameters_are_read_like_reflection()
    {
        var json = "{\"name\":\"only\"}"u8.ToArray();
        var generated = JsonSerializer.Deserialize(json, ParityTests.WithJsonTypeInfo<WithDefaults>())!;
        var reflection = JsonSerializer.Deserialize<WithDefaults>(json, ParityAssert.Reflection)!;
        Assert.Equal(reflection, generated);
        Assert.Equal(3, generated.Count);
        Assert.Equal(Color.Blue, generated.Color);
    }

    [Fact]
    public void Reads_case_insensitively_and_numbers_from_strings_like_web_defaults()
    {
        var json = "{\"ACCOUNTID\":\"a\",\"billingplan\":\"b\"}"u8.ToArray();
        Assert.Equal(new AccountCreated("a", "b"), JsonSerializer.Deserialize(json, WithJsonTypeInfo<AccountCreated>()));
        var numbers = JsonSerializer.Deserialize("{\"count\":\"12\",\"name\":\"n\"}"u8, WithJsonTypeInfo<RecordStructEvent>());
        Assert.Equal(new RecordStructEvent(12, "n"), numbers);
    }

    [Fact]
    public void Converters_registered_on_the_options_win_like_reflection()
    {
        var options = new JsonSerializerOptions(WithJsonTypeInfo<Enums>().Options);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter<Color>());
        var reflection = new JsonSerializerOptions(ParityAssert.Reflection);
        reflection.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter<Color>());
        var value = new Enums(Color.Green, Shade.Dark, Mood.Happy, Color.Red, null, Color.Blue, Color.Green, Mood.Happy);
        Assert.Equal(JsonSerializer.Serialize(value, reflection), JsonSerializer.Serialize(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Enums>)options.GetTypeInfo(typeof(Enums))));
        Assert.Contains("\"plain\":\"Green\"", JsonSerializer.Serialize(value, reflection));
    }

    [Fact]
    public void Event_constants_and_interface_members()
    {
        Assert.Equal("test/account.created", AccountCreated.EventName);
        Assert.Equal("2024-05-15.1", AccountCreated.EventVersion);
        Assert.Null(Numbers.EventVersion);
        Assert.Equal("test/nested.type", Read<Outer.InnerEvent>().Name);
        Assert.Equal(("test/account.created", "2024-05-15.1"), Read<AccountCreated>());
        Assert.Same(WithJsonTypeInfo<AccountCreated>(), WithJsonTypeInfo<AccountCreated>());
        Assert.Same(JsonNamingPolicy.CamelCase, WithJsonTypeInfo<AccountCreated>().Options.PropertyNamingPolicy);

        static (string Name, string? Version) Read<T>()
            where T : IInngestEventData<T>
            => (T.EventName, T.EventVersion);
    }

    internal static System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> WithJsonTypeInfo<T>()
        where T : IInngestEventData<T>
        => T.JsonTypeInfo;
}
