using System;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Collections.ObjectModel;
using Inngest.Generators.Tests.Corpus;

namespace Inngest.Catalog.Tests.Schema;

/// <summary>Values the random builder cannot make within the contract (frozen and interface collections are never built), written by hand.</summary>
internal static class HandValues
{
    public static IEnumerable<object?> For(Type type)
    {
        if (type == typeof(MoreCollections))
        {
            yield return new MoreCollections(
                new List<int> { 1 }, new HashSet<string> { "s" }, new SortedSet<int> { 2, 1 }, new LinkedList<int>(new[] { 3 }), new Queue<int>(new[] { 4 }), new Stack<int>(new[] { 5 }),
                new ConcurrentQueue<int>(new[] { 6 }), new ConcurrentStack<int>(new[] { 7 }), ImmutableList.Create("l"), ImmutableList.Create("i"), ImmutableHashSet.Create(8),
                ImmutableQueue.Create(9), ImmutableStack.Create(10), ImmutableSortedSet.Create(11), ImmutableDictionary<string, int>.Empty.Add("d", 12),
                ImmutableSortedDictionary<string, int>.Empty.Add("s", 13), new[] { 14 }.ToFrozenSet(), new Dictionary<string, int> { ["f"] = 15 }.ToFrozenDictionary(),
                new Tags(), new Scores(), new Labels { "label" }, new ReadOnlyCollection<int>(new[] { 16 }));
        }
    }
}
