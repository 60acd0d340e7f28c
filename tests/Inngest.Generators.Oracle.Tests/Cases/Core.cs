// Core shapes: the baseline every other feature builds on.
using System;
using System.Collections.Generic;
using Inngest;
using Inngest.Generators.Oracle.Tests;

namespace Oracle.Core;

[InngestEvent("oracle/core.positional")]
[OracleInput("""{"accountId":"a1","billingPlan":"pro"}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"AccountId":"case","BILLINGPLAN":"insensitive"}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"accountId":1}""", Expect = OracleExpectation.Throws)]
[OracleInput("""[]""", Expect = OracleExpectation.Throws)]
public sealed partial record PositionalRecord(string AccountId, string? BillingPlan);

[InngestEvent("oracle/core.class")]
[OracleInput("""{"name":"n","count":"12"}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"name":"n","count":1.5}""", Expect = OracleExpectation.Throws)]
public sealed partial class PropertyClass
{
    public string? Name { get; set; }

    public int Count { get; set; }

    public double? Ratio { get; set; }

    public Guid Id { get; set; }

    public DateTimeOffset At { get; set; }
}

public sealed record Address(string Street, string City, string? Zip);

public struct GeoPoint
{
    public double Lat { get; set; }

    public double Lng { get; set; }
}

public readonly record struct Money(decimal Amount, string Currency);

[InngestEvent("oracle/core.nested")]
public sealed partial record NestedGraph(Address Home, List<Address> Others, GeoPoint Where, GeoPoint? MaybeWhere, Money Price, Money? MaybePrice);

public sealed class Tree
{
    public string Label { get; set; } = "";

    public List<Tree> Children { get; set; } = new();

    public Tree? Parent { get; set; }
}

[InngestEvent("oracle/core.recursive")]
[OracleInput("""{"root":{"label":"r","children":[{"label":"c","children":[]}]}}""", Expect = OracleExpectation.Reads)]
public sealed partial record RecursiveTree(Tree Root);

public static class Samples
{
    public static IEnumerable<PositionalRecord> Positional() => [new("645e9f6794e10937e9bdc201", "pro"), new("", null), new("h\u00e9llo \"w\" <b>", "\U0001F600")];

    public static RecursiveTree Deep()
    {
        var root = new Tree { Label = "0" };
        var node = root;
        for (var i = 1; i < 70; i++)
        {
            var child = new Tree { Label = i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            node.Children.Add(child);
            node = child;
        }

        return new RecursiveTree(root);
    }

    public static RecursiveTree Shallow() => new(new Tree { Label = "only" });
}
