// [JsonObjectCreationHandling] (Populate) and [JsonUnmappedMemberHandling] (Disallow).
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Inngest;
using Inngest.Generators.Oracle.Tests;

namespace Oracle.CreationAndUnmapped;

public sealed class Settings
{
    public int Retries { get; set; } = 3;

    public string Mode { get; set; } = "auto";
}

[InngestEvent("oracle/creation.populate-members")]
[OracleInput("""{"tags":["b"],"settings":{"retries":5}}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{}""", Expect = OracleExpectation.Reads)]
public sealed partial class PopulateMembers
{
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public List<string> Tags { get; } = ["a"];

    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public Settings Settings { get; set; } = new();

    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public Dictionary<string, int> Counts { get; } = new() { ["x"] = 1 };
}

[InngestEvent("oracle/creation.populate-type")]
[JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
[OracleInput("""{"tags":["b"],"settings":{"mode":"manual"}}""", Expect = OracleExpectation.Reads)]
public sealed partial class PopulateType
{
    public List<string> Tags { get; set; } = ["a"];

    public Settings Settings { get; set; } = new();
}

[InngestEvent("oracle/unmapped.disallow")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[OracleInput("""{"name":"n"}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"name":"n","unknown":1}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"NAME":"case-insensitive is not unmapped"}""", Expect = OracleExpectation.Reads)]
public sealed partial record DisallowUnmapped(string? Name);

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StrictChild(int Value);

[InngestEvent("oracle/unmapped.nested")]
[OracleInput("""{"child":{"value":1},"free":2}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"child":{"value":1,"free":2}}""", Expect = OracleExpectation.Throws)]
public sealed partial record NestedDisallow(StrictChild? Child);

[InngestEvent("oracle/unmapped.skip")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
[OracleInput("""{"name":"n","unknown":{"deep":[1]}}""", Expect = OracleExpectation.Reads)]
public sealed partial record SkipUnmapped(string? Name);
