// Dictionaries: non-string keys (int, long, Guid, enum, DateOnly...), interfaces, sorted, concurrent,
// immutable and frozen, read-only, custom subclasses, nesting.
using System;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Collections.ObjectModel;
using Inngest;
using Inngest.Generators.Oracle.Tests;

namespace Oracle.Dictionaries;

public enum Region
{
    North,
    South,
}

[InngestEvent("oracle/dict.keys")]
[OracleInput("""{"byInt":{"1":"a","-2":"b"},"byLong":{"9007199254740993":1},"byGuid":{"0f8fad5b-d9cb-469f-a165-70867728950e":"g"},"byEnum":{"South":1,"North":2},"byDate":{"2024-05-15":true},"byChar":{"x":1},"byBool":{"true":1},"byDouble":{"1.5":1}}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"byInt":{"x":"a"}}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"byGuid":{"not-a-guid":"g"}}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"byEnum":{"1":3}}""")]
public sealed partial record NonStringKeys(
    Dictionary<int, string>? ByInt,
    Dictionary<long, int>? ByLong,
    Dictionary<Guid, string>? ByGuid,
    Dictionary<Region, int>? ByEnum,
    Dictionary<DateOnly, bool>? ByDate,
    Dictionary<char, int>? ByChar,
    Dictionary<bool, int>? ByBool,
    Dictionary<double, int>? ByDouble);

[InngestEvent("oracle/dict.interfaces")]
[OracleInput("""{"dictionary":{"a":1},"readOnly":{"b":2},"intKeys":{"3":"c"}}""", Expect = OracleExpectation.Reads)]
public sealed partial record DictionaryInterfaces(IDictionary<string, int>? Dictionary, IReadOnlyDictionary<string, int>? ReadOnly, IDictionary<int, string>? IntKeys);

[InngestEvent("oracle/dict.concrete")]
[OracleInput("""{"sorted":{"b":1,"a":2},"sortedList":{"z":1},"concurrent":{"k":1}}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"readOnly":{"r":1}}""")]
public sealed partial record ConcreteDictionaries(
    SortedDictionary<string, int>? Sorted,
    SortedList<string, int>? SortedList,
    ConcurrentDictionary<string, int>? Concurrent,
    ReadOnlyDictionary<string, int>? ReadOnly);

[InngestEvent("oracle/dict.immutable")]
[OracleInput("""{"immutable":{"a":1},"sorted":{"b":2},"iImmutable":{"c":3}}""", Expect = OracleExpectation.Reads)]
public sealed partial record ImmutableDictionaries(ImmutableDictionary<string, int>? Immutable, ImmutableSortedDictionary<string, int>? Sorted, IImmutableDictionary<string, int>? IImmutable);

[InngestEvent("oracle/dict.frozen")]
[OracleInput("""{"frozen":{"a":1}}""")]
public sealed partial record FrozenDictionaries(FrozenDictionary<string, int>? Frozen);

public sealed class Props : Dictionary<string, object?>;

public sealed class Scores : Dictionary<int, double>;

[InngestEvent("oracle/dict.custom")]
[OracleInput("""{"props":{"n":1,"s":"two","o":{"x":[1]}},"scores":{"1":2.5}}""", Expect = OracleExpectation.Reads)]
public sealed partial record CustomDictionaries(Props? Props, Scores? Scores);

public sealed record Address(string Street, string? Zip);

[InngestEvent("oracle/dict.nested")]
public sealed partial record NestedDictionaries(Dictionary<string, Dictionary<int, Address>>? Nested, Dictionary<string, List<Address?>>? Lists, Dictionary<Region, Address[]>? ByRegion);
