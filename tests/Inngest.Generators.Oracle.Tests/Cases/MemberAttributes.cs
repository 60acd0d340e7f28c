// [JsonPropertyName], [JsonIgnore] conditions, [JsonPropertyOrder], [JsonInclude], fields, inheritance.
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Inngest;
using Inngest.Generators.Oracle.Tests;

namespace Oracle.MemberAttributes;

[InngestEvent("oracle/members.ignore")]
[OracleInput("""{"always":"a","whenNull":"n","whenDefault":1,"never":null,"whenWriting":"w","whenReading":"r"}""", Expect = OracleExpectation.Reads)]
public sealed partial class IgnoreConditions
{
    [JsonIgnore]
    public string? Always { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WhenNull { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int WhenDefault { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public string? WhenDefaultString { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Never { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWriting)]
    public string? WhenWriting { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenReading)]
    public string? WhenReading { get; set; }
}

[InngestEvent("oracle/members.names-order")]
[OracleInput("""{"renamed-Value":"r","zLast":2,"aFirst":1,"middle":0}""", Expect = OracleExpectation.Reads)]
public sealed partial class NamesAndOrder
{
    [JsonPropertyOrder(10)]
    public int ZLast { get; set; }

    public int Middle { get; set; }

    [JsonPropertyOrder(-1)]
    public int AFirst { get; set; }

    [JsonPropertyName("renamed-Value")]
    public string? Renamed { get; set; }

    [JsonPropertyName("\u00e9t\u00e9 <\"quoted\">")]
    public string? Escaped { get; set; }
}

[InngestEvent("oracle/members.include")]
[OracleInput("""{"field":3,"readOnly":"x","internalProp":"i"}""", Expect = OracleExpectation.Reads)]
public sealed partial class Includes
{
    [JsonInclude]
    public int Field;

    public int IgnoredField;

    [JsonInclude]
    internal string? InternalProp { get; set; }

    public string ReadOnly => "computed";
}

public class BaseEvent
{
    public string? Id { get; set; }

    public virtual string? Kind { get; set; }
}

[InngestEvent("oracle/members.inherited")]
[OracleInput("""{"id":"i","kind":"k","extra":1}""", Expect = OracleExpectation.Reads)]
public sealed partial class Inherited : BaseEvent
{
    public int Extra { get; set; }

    public override string? Kind { get; set; }

    public new string? Id { get; set; }
}

[InngestEvent("oracle/members.read-only-collections")]
[OracleInput("""{"items":["x"],"map":{"a":1}}""", Expect = OracleExpectation.Reads)]
public sealed partial class ReadOnlyCollectionMembers
{
    public List<string> Items { get; } = ["seed"];

    public Dictionary<string, int> Map { get; } = new();
}

// [JsonInclude] on a get-only property: written; System.Text.Json's generator throws when the input holds it.
[InngestEvent("oracle/members.include-get-only")]
[OracleInput("""{"name":"b","total":3}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"total":3}""", Expect = OracleExpectation.Reads)]
public sealed partial class IncludeGetOnly
{
    [JsonInclude]
    public string Name { get; } = "fixed";

    public int Total { get; set; }
}
