// Depth: values and inputs deeper than the default MaxDepth (64) fail alike; cycles fail alike (row 15).
using System.Collections.Generic;
using Inngest;
using Inngest.Generators.Oracle.Tests;

namespace Oracle.Depth;

public sealed class Tree
{
    public string? Label { get; set; }

    public List<Tree>? Children { get; set; }
}

public sealed class Linked
{
    public int Value { get; set; }

    public Linked? Next { get; set; }
}

[InngestEvent("oracle/depth.tree")]
[OracleInput("""{"root":{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{"label":"x","children":[{}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}}""", Expect = OracleExpectation.Throws)]
public sealed partial record DeepTree(Tree? Root);

[InngestEvent("oracle/depth.linked")]
public sealed partial record DeepLinked(Linked? Head);

public static class Samples
{
    public static IEnumerable<DeepTree> Trees()
    {
        foreach (var levels in new[] { 30, 31, 32, 33, 40 })
        {
            var root = new Tree { Label = "0" };
            var node = root;
            for (var i = 1; i < levels; i++)
            {
                var child = new Tree { Label = "n" };
                node.Children = [child];
                node = child;
            }

            yield return new DeepTree(root);
        }
    }

    public static IEnumerable<DeepLinked> Chains()
    {
        foreach (var length in new[] { 62, 63, 64, 65, 100 })
        {
            var head = new Linked { Value = 0 };
            var node = head;
            for (var i = 1; i < length; i++)
            {
                node.Next = new Linked { Value = i };
                node = node.Next;
            }

            yield return new DeepLinked(head);
        }

        var cycle = new Linked { Value = 1 };
        cycle.Next = cycle;
        yield return new DeepLinked(cycle);
    }
}
