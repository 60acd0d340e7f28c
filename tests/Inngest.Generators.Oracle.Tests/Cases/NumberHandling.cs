// [JsonNumberHandling] on types and members, strict reading, named floating-point literals.
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Inngest;
using Inngest.Generators.Oracle.Tests;

namespace Oracle.NumberHandling;

[InngestEvent("oracle/numbers.member")]
[OracleInput("""{"asString":"42","plain":"7"}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"strict":"7"}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"named":"NaN","namedList":["Infinity",1]}""", Expect = OracleExpectation.Reads)]
public sealed partial class MemberNumberHandling
{
    [JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]
    public int AsString { get; set; }

    public int Plain { get; set; }

    [JsonNumberHandling(JsonNumberHandling.Strict)]
    public int Strict { get; set; }

    [JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
    public double Named { get; set; }

    [JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
    public List<double>? NamedList { get; set; }

    [JsonNumberHandling(JsonNumberHandling.WriteAsString)]
    public decimal? MaybeMoney { get; set; }
}

[InngestEvent("oracle/numbers.type")]
[JsonNumberHandling(JsonNumberHandling.WriteAsString)]
[OracleInput("""{"count":"1","ratio":"2.5","counts":["1"]}""")]
[OracleInput("""{"count":1,"ratio":2.5,"counts":[1],"byName":{"a":2}}""", Expect = OracleExpectation.Reads)]
public sealed partial record TypeNumberHandling(int Count, double Ratio, List<int>? Counts, Dictionary<string, long>? ByName);

[InngestEvent("oracle/numbers.strict-type")]
[JsonNumberHandling(JsonNumberHandling.Strict)]
[OracleInput("""{"count":"1"}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"count":1}""", Expect = OracleExpectation.Reads)]
public sealed partial record StrictType(int Count);

public static class Samples
{
    public static IEnumerable<MemberNumberHandling> Specials() =>
    [
        new() { Named = double.NaN, NamedList = [double.PositiveInfinity, double.NegativeInfinity, 0.1], MaybeMoney = 1.10m },
        new() { AsString = int.MinValue, Strict = -1 },
    ];
}
