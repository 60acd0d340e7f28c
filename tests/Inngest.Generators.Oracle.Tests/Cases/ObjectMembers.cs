// `object` members holding primitives, records, JsonElement and JsonNode, and JSON DOM members.
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inngest;
using Inngest.Generators.Oracle.Tests;

namespace Oracle.ObjectMembers;

[OracleRuntimeType]
public sealed record Invoice(string Number, decimal Total);

[InngestEvent("oracle/object.members")]
[OracleInput("""{"anything":{"a":[1,2,{"b":null}]},"list":[1,"two",null,true],"map":{"x":1.5}}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"anything":"text"}""", Expect = OracleExpectation.Reads)]
public sealed partial record ObjectMembers(object? Anything, List<object?>? List, Dictionary<string, object?>? Map, object[]? Array);

[InngestEvent("oracle/object.dom")]
[OracleInput("""{"element":{"a":1},"node":[1],"obj":{"b":2},"arr":[true],"value":5}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"obj":[1]}""", Expect = OracleExpectation.Throws)]
public sealed partial record DomMembers(JsonElement Element, JsonElement? MaybeElement, JsonNode? Node, JsonObject? Obj, JsonArray? Arr, JsonValue? Value, JsonDocument? Document);

// JsonElement members only: the type has a generated reader (JsonElement.ParseValue, as the built-in converter calls it).
[InngestEvent("oracle/object.elements")]
[OracleInput("""{"id":"e","payload":null,"maybe":null}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"id":"e","payload":{"a":[1,{"b":"c"}],"a":2},"items":[1,"x",null,{},[]],"bag":{"k":true,"n":null}}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"payload":"\u00e9t\u00e9","maybe":-1.5e300}""", Expect = OracleExpectation.Reads)]
public sealed partial record ElementMembers(string? Id, JsonElement Payload, JsonElement? Maybe, List<JsonElement>? Items, Dictionary<string, JsonElement>? Bag);

public static class Samples
{
    public static IEnumerable<ElementMembers> Elements() =>
    [
        new("a", JsonDocument.Parse("{\"x\":[1,2,{\"y\":null}]}").RootElement, JsonDocument.Parse("\"s\"").RootElement, [JsonDocument.Parse("1").RootElement], new() { ["k"] = JsonDocument.Parse("[]").RootElement }),
        new(null, JsonDocument.Parse("true").RootElement, null, null, null),
    ];

    public static IEnumerable<ObjectMembers> Holding() =>
    [
        new(42, [1, "two", null, true, 2.5m], new() { ["r"] = new Invoice("INV-1", 9.99m), ["e"] = JsonDocument.Parse("[1]").RootElement }, [new Invoice("INV-2", 1m)]),
        new(new Invoice("INV-3", 0m), null, null, null),
        new(JsonNode.Parse("{\"n\":{\"m\":[]}}"), [JsonNode.Parse("1")], null, []),
        new("text", [], [], []),
    ];
}
