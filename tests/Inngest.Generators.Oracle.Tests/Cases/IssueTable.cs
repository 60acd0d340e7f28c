// The rows of issue 10's table that are about the JSON contract or the generated code compiling. Row 12 is
// ObsoleteMembers.cs, row 16 SameNameTwoNamespaces.cs, row 15's depth half Depth.cs. Rows 11 (null data),
// 13 (publish with AOT) and 15's cancellation half are send-time behaviour, not the JSON contract: they are
// tested in tests/Inngest.Generators.Tests/Regressions.
using System;
using System.Collections.Generic;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Inngest;
using Inngest.Generators.Oracle.Tests;

namespace Oracle.IssueTable
{
    // Row 1: internal types and a public record nested in an internal class get a callable send method.
    [InngestEvent("oracle/row1.internal")]
    internal sealed partial record Row1InternalRecord(string OrderId);

    internal static partial class Row1Outer
    {
        [InngestEvent("oracle/row1.nested")]
        public sealed partial record Row1NestedInInternal(string OrderId);
    }

    // Row 2: polymorphic member, interface member, Dictionary<int,T>.
    [JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
    [JsonDerivedType(typeof(Circle), "circle")]
    [JsonDerivedType(typeof(Square), "square")]
    public abstract record Shape;

    public sealed record Circle(double Radius) : Shape;

    public sealed record Square(double Side) : Shape;

    [InngestEvent("oracle/row2.polymorphic")]
    [OracleInput("""{"shape":{"kind":"square","side":2}}""", Expect = OracleExpectation.Reads)]
    [OracleInput("""{"shape":{"kind":"hexagon"}}""", Expect = OracleExpectation.Throws)]
    public sealed partial record Row2Polymorphic(Shape Shape, List<Shape> Shapes);

    public interface INamed
    {
        string Name { get; }
    }

    public sealed record Named(string Name) : INamed;

    [InngestEvent("oracle/row2.interface")]
    public sealed partial record Row2Interface(INamed Who);

    [InngestEvent("oracle/row2.intkeys")]
    [OracleInput("""{"map":{"1":"a","-2":"b"}}""", Expect = OracleExpectation.Reads)]
    [OracleInput("""{"map":{"x":"a"}}""", Expect = OracleExpectation.Throws)]
    public sealed partial record Row2IntKeys(Dictionary<int, string> Map);

    // Row 3: a tuple member.
    [InngestEvent("oracle/row3.tuple")]
    public sealed partial record Row3Tuple((int Id, string Name) Pair);

    // Row 4: a converter on a member of a non-string-keyed dictionary.
    public sealed class IntKeyConverter : JsonConverter<Dictionary<int, string>>
    {
        public override Dictionary<int, string> Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
        {
            var result = new Dictionary<int, string>();
            if (reader.TokenType != System.Text.Json.JsonTokenType.StartArray)
            {
                throw new System.Text.Json.JsonException("expected an array of [key, value] pairs");
            }

            while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.StartArray)
            {
                reader.Read();
                var key = reader.GetInt32();
                reader.Read();
                result[key] = reader.GetString()!;
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

    [InngestEvent("oracle/row4.converter")]
    [OracleInput("""{"map":[[1,"a"],[2,"b"]]}""", Expect = OracleExpectation.Reads)]
    public sealed partial record Row4ConverterOnDictionary([property: JsonConverter(typeof(IntKeyConverter))] Dictionary<int, string> Map);

    // Row 5: [JsonRequired] missing from the input.
    [InngestEvent("oracle/row5.required")]
    [OracleInput("""{"name":"n"}""", Expect = OracleExpectation.Throws)]
    [OracleInput("""{"name":"n","count":1}""", Expect = OracleExpectation.Reads)]
    public sealed partial class Row5JsonRequired
    {
        public string? Name { get; set; }

        [JsonRequired]
        public int Count { get; set; }
    }

    // Row 6: a primary-constructor parameter whose property is ignored.
    [InngestEvent("oracle/row6.ctorignore")]
    [OracleInput("""{"keep":"k","secret":"s"}""", Expect = OracleExpectation.Reads)]
    public sealed partial record Row6CtorIgnore(string Keep, [property: JsonIgnore] string? Secret);

    // Row 7: KeyValuePair.
    [InngestEvent("oracle/row7.kvp")]
    [OracleInput("""{"pair":{"key":"a","value":3}}""", Expect = OracleExpectation.Reads)]
    public sealed partial record Row7KeyValuePair(KeyValuePair<string, int> Pair);

    // Row 8: Memory<byte> / ReadOnlyMemory<byte>.
    [InngestEvent("oracle/row8.memory")]
    [OracleInput("""{"bytes":"AAEC/w==","readOnly":"aGk="}""", Expect = OracleExpectation.Reads)]
    public sealed partial record Row8Memory(Memory<byte> Bytes, ReadOnlyMemory<byte> ReadOnly);

    // Row 10: an abstract or polymorphic event type, and an event that is a List<int>.
    [InngestEvent("oracle/row10.polymorphic-event")]
    [JsonPolymorphic]
    [JsonDerivedType(typeof(Row10Derived), "derived")]
    [OracleInput("""{"$type":"derived","extra":1,"common":"c"}""", Expect = OracleExpectation.Reads)]
    public partial record Row10PolymorphicEvent(string Common);

    public sealed record Row10Derived(string Common, int Extra) : Row10PolymorphicEvent(Common);

    [InngestEvent("oracle/row10.list")]
    [OracleInput("""[1,2,3]""", Expect = OracleExpectation.Reads)]
    public sealed partial class Row10ListEvent : List<int>;

    // Row 14: collection and dictionary shapes STJ supports.
    public sealed class Props : Dictionary<string, object?>;

    [OracleRuntimeType]
    public sealed record Invoice(string Number, decimal Total);

    [InngestEvent("oracle/row14.collections")]
    public sealed partial record Row14Collections(
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
}

namespace Oracle.IssueTable
{
    public static class Samples
    {
        public static IEnumerable<Row2Polymorphic> Polymorphic() => [new(new Circle(1.5), [new Square(2), new Circle(0)])];

        public static IEnumerable<Row14Collections> Collections() =>
        [
            new([1, 2], new HashSet<string> { "a" }, new Queue<int>([1, 2]), new Stack<int>([1, 2]), new() { ["b"] = 2, ["a"] = 1 },
                new ConcurrentDictionary<string, int>(new Dictionary<string, int> { ["k"] = 1 }), ["i"], new() { [Guid.Empty] = "zero" },
                new Props { ["n"] = 1, ["s"] = "two", ["r"] = new Invoice("INV-1", 9.99m) }, new Invoice("INV-2", 1m)),
        ];
    }
}
