// [JsonExtensionData] with object, JsonElement and JsonObject storage.
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Inngest;
using Inngest.Generators.Oracle.Tests;

namespace Oracle.ExtensionData;

[InngestEvent("oracle/ext.object")]
[OracleInput("""{"name":"n","extra":1,"more":{"a":[true]}}""", Expect = OracleExpectation.Reads)]
public sealed partial class ExtensionObjects
{
    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, object>? Extra { get; set; }
}

[InngestEvent("oracle/ext.element")]
[OracleInput("""{"name":"n","extra":1,"more":"s"}""", Expect = OracleExpectation.Reads)]
public sealed partial class ExtensionElements
{
    public string? Name { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}

[InngestEvent("oracle/ext.node")]
[OracleInput("""{"name":"n","extra":[1],"other":null}""", Expect = OracleExpectation.Reads)]
public sealed partial class ExtensionNode
{
    public string? Name { get; set; }

    [JsonExtensionData]
    public JsonObject? Extra { get; set; }
}

[InngestEvent("oracle/ext.record")]
[OracleInput("""{"id":"i","unknown":2}""", Expect = OracleExpectation.Reads)]
public sealed partial record ExtensionOnRecord(string Id)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement> Rest { get; init; } = new();
}
