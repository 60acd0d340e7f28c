// Constructor selection and binding: [JsonConstructor], parameter defaults, parameters whose property is
// [JsonIgnore]d (row 6), structs, parameters matched case-insensitively, extra parameters.
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Inngest;
using Inngest.Generators.Oracle.Tests;

namespace Oracle.Constructors;

[InngestEvent("oracle/ctor.marked")]
[OracleInput("""{"id":"a","total":2}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"total":2}""", Expect = OracleExpectation.Reads)]
public sealed partial class MarkedConstructor
{
    public MarkedConstructor()
    {
        Id = "parameterless";
    }

    [JsonConstructor]
    public MarkedConstructor(string id, int total)
    {
        Id = id;
        Total = total;
    }

    public string Id { get; }

    public int Total { get; }

    public string? Note { get; set; }
}

[InngestEvent("oracle/ctor.ignored-parameter")]
[OracleInput("""{"keep":"k","secret":"s"}""", Expect = OracleExpectation.Reads)]
public sealed partial record IgnoredParameter(string Keep, [property: JsonIgnore] string? Secret);

[InngestEvent("oracle/ctor.ignored-parameter-default")]
[OracleInput("""{"keep":"k"}""", Expect = OracleExpectation.Reads)]
public sealed partial record IgnoredParameterWithDefault(string Keep, [property: JsonIgnore] int Hidden = 42);

[InngestEvent("oracle/ctor.struct")]
[OracleInput("""{"x":1,"y":2}""", Expect = OracleExpectation.Reads)]
public partial struct StructWithConstructor
{
    [JsonConstructor]
    public StructWithConstructor(int x, int y)
    {
        X = x;
        Y = y;
    }

    public int X { get; }

    public int Y { get; }
}

[InngestEvent("oracle/ctor.record-struct")]
[OracleInput("""{"lat":1.5,"lng":2}""", Expect = OracleExpectation.Reads)]
public readonly partial record struct RecordStruct(double Lat, double Lng);

[InngestEvent("oracle/ctor.parameter-name")]
[OracleInput("""{"order_id":"o","items":[1]}""", Expect = OracleExpectation.Reads)]
public sealed partial record RenamedParameter([property: JsonPropertyName("order_id")] string OrderId, List<int> Items);

[InngestEvent("oracle/ctor.mixed")]
[OracleInput("""{"id":"x","later":"l"}""", Expect = OracleExpectation.Reads)]
public sealed partial record CtorPlusSetters(string Id)
{
    public string? Later { get; set; }

    public int Count { get; init; } = 3;
}

// An internal [JsonConstructor]: generated code in the same assembly can call it.
[InngestEvent("oracle/ctor.internal-marked")]
[OracleInput("""{"id":"a","total":2}""", Expect = OracleExpectation.Reads)]
public sealed partial class InternalMarkedConstructor
{
    public InternalMarkedConstructor()
    {
        Id = "parameterless";
    }

    [JsonConstructor]
    internal InternalMarkedConstructor(string id, int total)
    {
        Id = id;
        Total = total;
    }

    public string Id { get; }

    public int Total { get; }
}

// A protected [JsonConstructor] beside a public parameterless one.
[InngestEvent("oracle/ctor.protected-marked")]
[OracleInput("""{"id":"a"}""", Expect = OracleExpectation.Reads)]
public partial class ProtectedMarkedConstructor
{
    public ProtectedMarkedConstructor()
    {
        Id = "parameterless";
    }

    [JsonConstructor]
    protected ProtectedMarkedConstructor(string id) => Id = id;

    public string Id { get; }
}
