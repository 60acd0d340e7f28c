// Every collection shape System.Text.Json supports: interfaces, concrete, queues and stacks, concurrent,
// immutable and frozen, custom subclasses, arrays of arrays.
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Collections.ObjectModel;
using Inngest;
using Inngest.Generators.Oracle.Tests;

namespace Oracle.Collections;

[InngestEvent("oracle/collections.interfaces")]
[OracleInput("""{"enumerable":[1],"collection":[2],"list":[3],"set":["a","a"],"readOnlyCollection":[4],"readOnlyList":[5]}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"readOnlySet":["b"]}""")]
[OracleInput("""{"list":{"a":1}}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"list":[1,"x"]}""", Expect = OracleExpectation.Throws)]
public sealed partial record InterfaceCollections(
    IEnumerable<int>? Enumerable,
    ICollection<int>? Collection,
    IList<int>? List,
    ISet<string>? Set,
    IReadOnlyCollection<int>? ReadOnlyCollection,
    IReadOnlyList<int>? ReadOnlyList,
    IReadOnlySet<string>? ReadOnlySet);

[InngestEvent("oracle/collections.concrete")]
[OracleInput("""{"queue":[1,2],"stack":[1,2],"linked":["a"],"sortedSet":[3,1,2],"observable":[1],"collection":[2]}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"readOnly":[3]}""")]
public sealed partial record ConcreteCollections(
    Queue<int>? Queue,
    Stack<int>? Stack,
    LinkedList<string>? Linked,
    SortedSet<int>? SortedSet,
    ObservableCollection<int>? Observable,
    Collection<int>? Collection,
    ReadOnlyCollection<int>? ReadOnly);

[InngestEvent("oracle/collections.concurrent")]
[OracleInput("""{"queue":[1,2],"stack":[1,2]}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"bag":[5]}""")]
public sealed partial record ConcurrentCollections(ConcurrentQueue<int>? Queue, ConcurrentStack<int>? Stack, ConcurrentBag<int>? Bag);

[InngestEvent("oracle/collections.immutable")]
[OracleInput("""{"array":[1],"list":["a"],"set":[1,1],"sortedSet":[2,1],"queue":[1],"stack":[1,2],"iList":["x"],"iSet":[3]}""", Expect = OracleExpectation.Reads)]
public sealed partial record ImmutableCollections(
    ImmutableArray<int> Array,
    ImmutableList<string>? List,
    ImmutableHashSet<int>? Set,
    ImmutableSortedSet<int>? SortedSet,
    ImmutableQueue<int>? Queue,
    ImmutableStack<int>? Stack,
    IImmutableList<string>? IList,
    IImmutableSet<int>? ISet);

[InngestEvent("oracle/collections.frozen")]
[OracleInput("""{"set":[1,2]}""")]
public sealed partial record FrozenCollections(FrozenSet<int>? Set);

public sealed class Tags : List<string>;

public class Numbers : HashSet<int>
{
    public string? IgnoredBySerializer { get; set; }
}

[InngestEvent("oracle/collections.custom")]
[OracleInput("""{"tags":["a","b"],"numbers":[1,2]}""", Expect = OracleExpectation.Reads)]
public sealed partial record CustomCollections(Tags? Tags, Numbers? Numbers);

[InngestEvent("oracle/collections.arrays")]
[OracleInput("""{"jagged":[[1],[2,3],[]],"nested":[["a"]],"bytes":"AAE=","byteLists":["AAE=", null]}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"bytes":[0,1]}""", Expect = OracleExpectation.Throws)]
public sealed partial record Arrays(int[][]? Jagged, List<string[]>? Nested, byte[]? Bytes, List<byte[]?>? ByteLists);

public sealed record Item(string Sku, int Quantity);

[InngestEvent("oracle/collections.of-objects")]
public sealed partial record CollectionsOfObjects(List<Item>? Items, IReadOnlyList<Item?>? MaybeItems, HashSet<Item>? Unique, Item[]? Array, IEnumerable<List<Item>>? Groups);
