// [JsonConverter] on members and types (custom converters, factories), enum converters (non-generic,
// generic, on the enum and on members, flags), [JsonStringEnumMemberName].
using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Inngest;
using Inngest.Generators.Oracle.Tests;

namespace Oracle.Converters;

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

[JsonConverter(typeof(JsonStringEnumConverter))]
public enum Mood
{
    Happy,
    Grumpy,
}

[Flags]
[JsonConverter(typeof(JsonStringEnumConverter<Access>))]
public enum Access
{
    None = 0,
    Read = 1,
    Write = 2,
    Admin = 4,
}

[JsonConverter(typeof(JsonStringEnumConverter<Status>))]
public enum Status
{
    [JsonStringEnumMemberName("in-progress")]
    InProgress,
    [JsonStringEnumMemberName("done!")]
    Done,
    Cancelled,
}

[InngestEvent("oracle/converters.enums")]
[OracleInput("""{"plain":1,"typed":"Dark","nonGeneric":"Grumpy","stringColor":"Blue","maybeStringColor":null}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"plain":"Red"}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"typed":"dark"}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"typed":"Purple"}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"typed":1}""", Expect = OracleExpectation.Reads)]
public sealed partial record Enums(Color Plain, Shade Typed, Mood NonGeneric, Color? MaybeColor, Shade? MaybeShade,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Color>))] Color StringColor,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Color>))] Color? MaybeStringColor,
    [property: JsonConverter(typeof(JsonStringEnumConverter))] Mood? MaybeStringMood,
    [property: JsonConverter(typeof(JsonStringEnumConverter))] Color NonGenericOnMember);

[InngestEvent("oracle/converters.flags-and-names")]
[OracleInput("""{"access":"Read, Write","status":"in-progress","statuses":["done!","Cancelled"]}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"status":"InProgress"}""", Expect = OracleExpectation.Throws)]
public sealed partial record FlagsAndNames(Access Access, Status Status, List<Status>? Statuses, Dictionary<Status, int>? ByStatus);

/// <summary>Writes a point as "x,y".</summary>
public sealed class PointConverter : JsonConverter<Point>
{
    public override Point Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var parts = (reader.GetString() ?? throw new JsonException("null point")).Split(',');
        return parts.Length == 2 ? new Point(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)) : throw new JsonException("bad point");
    }

    public override void Write(Utf8JsonWriter writer, Point value, JsonSerializerOptions options) =>
        writer.WriteStringValue(FormattableString.Invariant($"{value.X},{value.Y}"));
}

[JsonConverter(typeof(PointConverter))]
public readonly record struct Point(int X, int Y);

/// <summary>Upper-cases strings on write.</summary>
public sealed class ShoutConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()?.ToLowerInvariant();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToUpperInvariant());
}

/// <summary>A factory: wraps any list as {"count":n,"items":[...]}.</summary>
public sealed class CountedListFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(List<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) => new CountedList();

    private sealed class CountedList : JsonConverter<List<int>>
    {
        public override List<int>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            var list = new List<int>();
            foreach (var item in doc.RootElement.GetProperty("items").EnumerateArray())
            {
                list.Add(item.GetInt32());
            }

            return list;
        }

        public override void Write(Utf8JsonWriter writer, List<int> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteNumber("count", value.Count);
            writer.WritePropertyName("items");
            writer.WriteStartArray();
            foreach (var item in value)
            {
                writer.WriteNumberValue(item);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }
}

[InngestEvent("oracle/converters.custom")]
[OracleInput("""{"loud":"ABC","point":"1,2","maybePoint":null,"points":["3,4"],"counted":{"count":1,"items":[5]}}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"point":"1;2"}""", Expect = OracleExpectation.Throws)]
public sealed partial record CustomConverters(
    [property: JsonConverter(typeof(ShoutConverter))] string? Loud,
    Point Point,
    Point? MaybePoint,
    List<Point>? Points,
    [property: JsonConverter(typeof(CountedListFactory))] List<int>? Counted);

/// <summary>A converter for a whole object type.</summary>
public sealed class MoneyConverter : JsonConverter<Money>
{
    public override Money? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { } s && s.Split(' ') is [var amount, var currency] ? new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency) : throw new JsonException("bad money");

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + value.Currency);
}

[JsonConverter(typeof(MoneyConverter))]
public sealed record Money(decimal Amount, string Currency);

[InngestEvent("oracle/converters.on-type")]
[OracleInput("""{"price":"9.99 EUR","prices":{"a":"1 USD"}}""", Expect = OracleExpectation.Reads)]
public sealed partial record ConverterOnType(Money? Price, Dictionary<string, Money>? Prices);

/// <summary>The event type itself has a converter.</summary>
public sealed class WholeEventConverter : JsonConverter<ConverterOnEvent>
{
    public override ConverterOnEvent? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, ConverterOnEvent value, JsonSerializerOptions options) => writer.WriteStringValue("event:" + value.Id);
}

[InngestEvent("oracle/converters.on-event")]
[JsonConverter(typeof(WholeEventConverter))]
[OracleInput("\"abc\"", Expect = OracleExpectation.Reads)]
public sealed partial record ConverterOnEvent(string Id);
