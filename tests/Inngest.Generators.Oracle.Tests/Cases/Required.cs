// [JsonRequired], the `required` keyword, init members and their defaults, [SetsRequiredMembers].
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Inngest;
using Inngest.Generators.Oracle.Tests;

namespace Oracle.Required;

[InngestEvent("oracle/required.attribute")]
[OracleInput("""{"name":"n"}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"count":1}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"count":1,"label":"l"}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"count":null}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"count":1,"label":null}""", Expect = OracleExpectation.Reads)]
public sealed partial class JsonRequiredMembers
{
    public string? Name { get; set; }

    [JsonRequired]
    public int Count { get; set; }

    [JsonRequired]
    public string? Label { get; set; }
}

[InngestEvent("oracle/required.keyword")]
[OracleInput("""{"name":"n"}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"name":"n","tags":["t"]}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"name":null,"tags":null}""", Expect = OracleExpectation.Reads)]
public sealed partial class RequiredKeyword
{
    public required string Name { get; init; }

    public required List<string> Tags { get; set; }

    public string? Optional { get; init; }
}

[InngestEvent("oracle/required.init-defaults")]
[OracleInput("""{}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"count":5}""", Expect = OracleExpectation.Reads)]
public sealed partial class InitDefaults
{
    public int Count { get; init; } = 7;

    public string Plan { get; init; } = "free";

    public List<string> Tags { get; init; } = ["default"];

    public bool Enabled { get; set; } = true;
}

[InngestEvent("oracle/required.record-defaults")]
[OracleInput("""{}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"name":"n"}""", Expect = OracleExpectation.Reads)]
public sealed partial record RecordDefaults(string Name = "anonymous", int Seats = 1, double Ratio = 0.5, string? Note = null)
{
    public string Extra { get; init; } = "x";
}

[InngestEvent("oracle/required.sets-required")]
[OracleInput("""{}""", Expect = OracleExpectation.Reads)]
public sealed partial class SetsRequired
{
    [SetsRequiredMembers]
    public SetsRequired() => Name = "set";

    public required string Name { get; set; }
}

[InngestEvent("oracle/required.ctor-and-required")]
[OracleInput("""{"id":"i"}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"id":"i","name":"n"}""", Expect = OracleExpectation.Reads)]
public sealed partial record CtorAndRequired(string Id)
{
    public required string Name { get; init; }
}
