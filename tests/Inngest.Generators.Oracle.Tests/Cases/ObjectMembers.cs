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

public static class Samples
{
    public static IEnumerable<ObjectMembers> Holding() =>
    [
        new(42, [1, "two", null, true, 2.5m], new() { ["r"] = new Invoice("INV-1", 9.99m), ["e"] = JsonDocument.Parse("[1]").RootElement }, [new Invoice("INV-2", 1m)]),
        new(new Invoice("INV-3", 0m), null, null, null),
        new(JsonNode.Parse("{\"n\":{\"m\":[]}}"), [JsonNode.Parse("1")], null, []),
        new("text", [], [], []),
    ];
}
