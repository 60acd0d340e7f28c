// Tuples and KeyValuePair (rows 3 and 7 of the issue, plus their neighbours).
using System;
using System.Collections.Generic;
using Inngest;
using Inngest.Generators.Oracle.Tests;

namespace Oracle.Tuples;

[InngestEvent("oracle/tuples.value")]
[OracleInput("""{"pair":{"item1":1,"item2":"x"}}""")]
[OracleInput("""{"pair":{}}""", Expect = OracleExpectation.Reads)]
public sealed partial record ValueTuples((int Id, string Name) Pair, (int, int, int)? Triple, List<(string, bool)>? Many);

[InngestEvent("oracle/tuples.reference")]
[OracleInput("""{"pair":{"item1":1,"item2":"x"}}""", Expect = OracleExpectation.Reads)]
public sealed partial record ReferenceTuples(Tuple<int, string>? Pair, Tuple<int, int, int, int, int, int, int>? Seven);

[InngestEvent("oracle/tuples.kvp")]
[OracleInput("""{"pair":{"key":"a","value":3}}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"pair":{"Key":"a","Value":3}}""")]
[OracleInput("""{"pair":{"key":"a"}}""")]
[OracleInput("""{"pair":{"key":"a","value":3,"extra":1}}""")]
[OracleInput("""{"pair":["a",3]}""", Expect = OracleExpectation.Throws)]
public sealed partial record KeyValuePairs(KeyValuePair<string, int> Pair, KeyValuePair<int, DateOnly>? Maybe, List<KeyValuePair<string, string>>? Pairs);
