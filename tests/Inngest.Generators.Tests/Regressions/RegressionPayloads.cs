using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Inngest;

// Payloads of issue 10's table, compiled with the generator (this project references it as an analyzer).
namespace Inngest.Generators.Tests.Regressions;

internal sealed partial record OrderShippedInternal(string OrderId);

[JsonPolymorphic]
[JsonDerivedType(typeof(CircleShape), "circle")]
[JsonDerivedType(typeof(SquareShape), "square")]
public abstract record Shape;

public sealed record CircleShape(double Radius) : Shape;

public sealed record SquareShape(double Side) : Shape;

public interface INamed
{
    string Name { get; }
}

public sealed class Named : INamed
{
    public string Name { get; set; } = "n";
}

[InngestEvent("regression/row2.polymorphic")]
public sealed partial record Row2Payload(Shape Shape, List<Shape> Shapes, INamed Who, Dictionary<int, string> Map);

[InngestEvent("regression/row3.tuple")]
public sealed partial record Row3Payload((int Id, string Name) Pair);

public sealed class IntKeyConverter : JsonConverter<Dictionary<int, string>>
{
    public override Dictionary<int, string> Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
    {
        var result = new Dictionary<int, string>();
        reader.Read();
        while (reader.TokenType == System.Text.Json.JsonTokenType.StartArray)
        {
            reader.Read();
            var key = reader.GetInt32();
            reader.Read();
            result[key] = reader.GetString()!;
            reader.Read();
            reader.Read();
        }

        return result;
    }

    public override void Write(System.Text.Json.Utf8JsonWriter writer, Dictionary<int, string> value, System.Text.Json.JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var pair in value)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(pair.Key);
            writer.WriteStringValue(pair.Value);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}

[InngestEvent("regression/row4.converter")]
public sealed partial record Row4Payload([property: JsonConverter(typeof(IntKeyConverter))] Dictionary<int, string> Map);

[InngestEvent("regression/row5.required")]
public sealed partial record Row5Payload(string Name)
{
    [JsonRequired]
    public int Count { get; init; }
}

[InngestEvent("regression/row6.ctor-ignore")]
public sealed partial record Row6Payload(string Keep, [property: JsonIgnore] string? Secret);

[InngestEvent("regression/row7.kvp")]
public sealed partial record Row7Payload(KeyValuePair<string, int> Pair);

[InngestEvent("regression/row8.memory")]
public sealed partial record Row8Payload(Memory<byte> Bytes, ReadOnlyMemory<byte> ReadOnly);

[InngestEvent("regression/row10.polymorphic-event")]
[JsonPolymorphic]
[JsonDerivedType(typeof(Row10Derived), "derived")]
public partial record Row10Payload(string Common);

public sealed record Row10Derived(string Common, int Extra) : Row10Payload(Common);

[InngestEvent("regression/row11.plain")]
public sealed partial record Row11Payload(string Id);

[InngestEvent("regression/row12.obsolete")]
public sealed partial record Row12Payload(string Kept)
{
    [Obsolete("removed", error: true)]
    public string? Old { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<Plan>))]
public enum Plan
{
    Free,
    Pro,
}

[InngestEvent("regression/row13.enum")]
public sealed partial record Row13Payload(Plan Plan);

public sealed class Props : Dictionary<string, object?>;

[InngestEvent("regression/row14.collections")]
public sealed partial record Row14Payload(
    IReadOnlyCollection<int> ReadOnly,
    ISet<string> Set,
    Queue<int> Queue,
    Stack<int> Stack,
    SortedDictionary<string, int> Sorted,
    ConcurrentDictionary<string, int> Concurrent,
    ImmutableList<string> Immutable,
    Dictionary<Guid, string> ByGuid,
    Props Props,
    object? Anything);

public sealed class DepthNode
{
    public int Value { get; set; }

    public DepthNode? Next { get; set; }
}

[InngestEvent("regression/row15.depth")]
public sealed partial record Row15Payload(DepthNode Root);

// INNG011 on Grid (a multi-dimensional array gets no generated metadata): resolved through the client's resolver chain.
#pragma warning disable INNG011
[InngestEvent("regression/fallback.grid")]
public sealed partial record GridPayload(string Id, int[,] Grid, Inner Inner);

public sealed record Inner(int[,]? Cells);
#pragma warning restore INNG011
