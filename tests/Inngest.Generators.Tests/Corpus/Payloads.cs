using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Inngest;

// The parity corpus: [InngestEvent] payloads compiled in this project, so the generator runs on them
// at build time. Each covers part of the supported list in docs/generator.md.
namespace Inngest.Generators.Tests.Corpus;

[InngestEvent("test/account.created", Version = "2024-05-15.1")]
public sealed partial record AccountCreated(string AccountId, string BillingPlan);

[InngestEvent("test/numbers.sent")]
public sealed partial record Numbers(
    byte B, sbyte Sb, short S, ushort Us, int I, uint Ui, long L, ulong Ul, float F, double D, decimal M, Half H, Int128 Big, UInt128 UBig);

[InngestEvent("test/scalars.sent")]
public sealed partial record Scalars(bool Flag, string? Text, char Letter, Guid Id, DateTime At, DateTimeOffset AtOffset, DateOnly Day, TimeOnly Time, TimeSpan Span, Uri? Link, Version? Ver);

public enum Color
{
    Red,
    Green,
    Blue,
}

[JsonConverter(typeof(JsonStringEnumConverter<Shade>))]
public enum Shade
{
    Light,
    Dark,
}

// The non-generic converter on purpose: the generated metadata must still write it AOT-safely (INNG015 asks users to switch).
#pragma warning disable INNG015
[JsonConverter(typeof(JsonStringEnumConverter))]
public enum Mood
{
    Happy,
    Grumpy,
}

[InngestEvent("test/enums.sent")]
public sealed partial record Enums(Color Plain, Shade Typed, Mood NonGeneric, Color? MaybeColor, Shade? MaybeShade,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Color>))] Color StringColor,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Color>))] Color? MaybeStringColor,
    [property: JsonConverter(typeof(JsonStringEnumConverter))] Mood? MaybeStringMood);
#pragma warning restore INNG015

[InngestEvent("test/nullables.sent")]
public sealed partial record Nullables(int? MaybeInt, bool? MaybeBool, Guid? MaybeId, DateTimeOffset? MaybeAt, double? MaybeDouble, string? MaybeText);

[InngestEvent("test/collections.sent")]
public sealed partial record Collections(
    int[] Array,
    List<string> List,
    IList<long> IList,
    IReadOnlyList<string> ReadOnlyList,
    ICollection<int> Collection,
    IEnumerable<string> Enumerable,
    HashSet<int> Set,
    ImmutableArray<string> Immutable,
    byte[] Bytes);

[InngestEvent("test/dictionaries.sent")]
public sealed partial record Dictionaries(
    Dictionary<string, int> Counts,
    IDictionary<string, string> Labels,
    IReadOnlyDictionary<string, List<int>> Groups,
    Dictionary<string, Address> Addresses);

public sealed record Address(string Street, string City, string? Zip);

public struct GeoPoint
{
    public double Lat { get; set; }

    public double Lng { get; set; }
}

public readonly record struct Money(decimal Amount, string Currency);

public sealed class Customer
{
    public string Name { get; set; } = string.Empty;

    public Address? Home { get; set; }

    public GeoPoint Location { get; set; }

    public List<Money> Payments { get; set; } = new();
}

[InngestEvent("test/nested.sent")]
public sealed partial record Nested(Customer Customer, Address[] History, Money? Balance, GeoPoint? LastSeen);

[InngestEvent("test/json.sent")]
public sealed partial record JsonValues(JsonElement Element, JsonNode? Node, JsonObject? Obj, JsonArray? Arr);

[InngestEvent("test/attributes.sent")]
public sealed partial class Attributed
{
    [JsonPropertyName("custom_name")]
    public string Renamed { get; set; } = "x";

    [JsonIgnore]
    public string Secret { get; set; } = "hidden";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OmittedWhenNull { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int OmittedWhenDefault { get; set; }

    [JsonPropertyOrder(-1)]
    public int First { get; set; }

    [JsonPropertyOrder(10)]
    public int Last { get; set; }

    [JsonInclude]
    public int Field;

    [JsonInclude]
    internal string InternalIncluded { get; set; } = "internal";

    public string ComputedName => Renamed + "!";

    public int ReadOnly { get; } = 7;
}

[InngestEvent("test/number.handling")]
public sealed partial class NumberHandled
{
    [JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]
    public int AsString { get; set; }

    public long Plain { get; set; }
}

[JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]
[InngestEvent("test/number.handling.type")]
public sealed partial record TypeNumberHandled(int A, double B);

[InngestEvent("test/required.sent")]
public sealed partial class RequiredInit
{
    public required string Name { get; init; }

    public required int Count { get; set; }

    public string Optional { get; init; } = "default";

    public List<string> Tags { get; init; } = new();
}

public sealed class UpperCaseConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.GetString()?.ToLowerInvariant();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToUpperInvariant());
}

[JsonConverter(typeof(PointConverter))]
public readonly record struct Point(int X, int Y);

public sealed class PointConverter : JsonConverter<Point>
{
    public override Point Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString()!.Split(',');
        return new Point(int.Parse(text[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(text[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    public override void Write(Utf8JsonWriter writer, Point value, JsonSerializerOptions options)
        => writer.WriteStringValue(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value.X},{value.Y}"));
}

[InngestEvent("test/converters.sent")]
public sealed partial record Converters([property: JsonConverter(typeof(UpperCaseConverter))] string Shout, Point Where, Point? MaybeWhere, List<Point> Path);

public sealed class TreeNode
{
    public string Label { get; set; } = string.Empty;

    public List<TreeNode> Children { get; set; } = new();

    public TreeNode? Parent { get; set; }
}

[InngestEvent("test/recursive.sent")]
public sealed partial record Recursive(TreeNode Root);

[InngestEvent("test/record.struct")]
public partial record struct RecordStructEvent(int Count, string Name);

[InngestEvent("test/plain.struct")]
public partial struct PlainStructEvent
{
    public int Count { get; set; }

    public string? Name { get; set; }
}

[InngestEvent("test/class.sent")]
public partial class PlainClassEvent
{
    public string Title { get; set; } = string.Empty;

    public int Pages { get; set; }
}

public class BaseDetails
{
    public string BaseName { get; set; } = string.Empty;

    public virtual int Score { get; set; }
}

public sealed class DerivedDetails : BaseDetails
{
    public string Extra { get; set; } = string.Empty;

    public override int Score { get; set; }
}

[InngestEvent("test/inheritance.sent")]
public sealed partial record Inheritance(DerivedDetails Details);

[InngestEvent("test/foreign.sent")]
public sealed partial record Foreign(System.Net.HttpStatusCode Status, Tuple<int, string>? Pair, System.Drawing.Point Spot);

[InngestEvent("test/defaults.sent")]
public sealed partial record WithDefaults(string Name, int Count = 3, string? Note = null, Color Color = Color.Blue);

[InngestEvent("test/constructor.sent")]
public sealed partial class ConstructorBound
{
    [JsonConstructor]
    public ConstructorBound(string name, int count)
    {
        Name = name;
        Count = count;
    }

    public ConstructorBound()
    {
        Name = string.Empty;
    }

    public string Name { get; }

    public int Count { get; }
}

[InngestEvent("test/empty.sent")]
public sealed partial record Empty;

[InngestEvent("test/nested.collections")]
public sealed partial record NestedCollections(List<List<int>> Matrix, Dictionary<string, Dictionary<string, string>> Tree, List<int?> Sparse, string?[] MaybeTexts);

[InngestEvent("test/escaping.sent")]
public sealed partial record Escaping([property: JsonPropertyName("with \"quotes\" & <tags>")] string Odd, [property: JsonPropertyName("ünïcödé")] string Unicode);

// Deliberately undescribable members (INNG011): they resolve through InngestClientOptions.JsonTypeInfoResolver.
#pragma warning disable INNG011
[InngestEvent("test/unknown.sent")]
public sealed partial record WithUnknown(string Name, object? Anything, List<object> Items);
#pragma warning restore INNG011

public static partial class Outer
{
    [InngestEvent("test/nested.type", MethodName = "NestedTypeThing")]
    public sealed partial record InnerEvent(string Value);
}

[InngestEvent("test/casing.sent")]
public sealed partial record Casing(string URL, string IPAddress, string ID, string X, string already, string ABc);

[InngestEvent("test/internal.sent")]
internal sealed partial record InternalEvent(string Value);

[InngestEvent("test/keywords.sent")]
public sealed partial record Keywords(string @class, int @event)
{
    public string? @namespace { get; set; }
}

public sealed record LineItem(string Sku, int Quantity, decimal UnitPrice, List<string> Tags, double? Weight);

// Fast-path loops: a list of nested records, a dictionary of lists, arrays of nullable structs,
// interface-typed collections of records.
[InngestEvent("test/fast.collections")]
public sealed partial record FastCollections(
    List<LineItem> Items,
    Dictionary<string, List<string>> Groups,
    IReadOnlyDictionary<string, LineItem> ByKey,
    GeoPoint?[] Points,
    IEnumerable<Address> Addresses,
    IReadOnlyList<DateTimeOffset> Times,
    HashSet<Guid> Ids,
    ImmutableArray<LineItem> Frozen,
    Dictionary<string, decimal?> Prices,
    List<short> Shorts,
    byte? MaybeByte,
    GeoPoint? MaybePoint);

public enum Small : byte
{
    Zero,
    Max = 255,
}

public enum Wide : long
{
    Min = long.MinValue,
    Max = long.MaxValue,
}

public enum Unsigned : ulong
{
    Max = ulong.MaxValue,
}

public enum Tiny : sbyte
{
    Min = -128,
}

[Flags]
public enum Perms
{
    None = 0,
    Read = 1,
    Write = 2,
}

// Enums without converters: written as their numbers on the fast path, members, elements and values.
[InngestEvent("test/fast.enums")]
public sealed partial record FastEnums(Color Plain, Color? Maybe, Small Small, Wide Wide, Unsigned Unsigned, Tiny Tiny, Perms Perms, List<Color> Colors, Dictionary<string, Perms?> ByName);
