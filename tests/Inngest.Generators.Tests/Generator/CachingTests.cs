using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inngest.Generators.Tests.Generator;

/// <summary>The pipeline is incremental: unrelated edits reuse every step; models hold no compiler objects.</summary>
public sealed class CachingTests
{
    private static readonly string[] TrackedSteps =
    {
        TrackingNames.Events, TrackingNames.GeneratableEvents, TrackingNames.NonNullEvents, TrackingNames.CollectedEvents, TrackingNames.AssemblyName, TrackingNames.EventsWithAssembly,
        TrackingNames.AllEvents, TrackingNames.ContextInput,
    };

    private const string Unrelated = """
        namespace Sample.Other;
        public static class Helper { public static int Twice(int x) => x * 2; }
        """;

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.Compilation(Samples.Representative).AddSyntaxTrees(CSharpSyntaxTree.ParseText(Unrelated, GeneratorHarness.ParseOptions, path: "Other.cs"));
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        return (driver, compilation);
    }

    private static Dictionary<string, IncrementalStepRunReason[]> Reasons(GeneratorDriver driver)
    {
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        return TrackedSteps.ToDictionary(
            name => name,
            name => steps.TryGetValue(name, out var runs) ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason).ToArray() : Array.Empty<IncrementalStepRunReason>());
    }

    private static void AssertAllReused(GeneratorDriver driver)
    {
        foreach (var (step, reasons) in Reasons(driver))
        {
            Assert.True(reasons.Length > 0, $"step {step} did not run");
            Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {step} was {reason}"));
        }

        Assert.All(driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Second_run_on_the_same_compilation_reuses_every_step()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.RunGenerators(compilation.Clone());
        AssertAllReused(driver);
    }

    [Fact]
    public void Unrelated_edit_reuses_every_step()
    {
        var (driver, compilation) = FirstRun();
        var other = compilation.SyntaxTrees.Single(t => t.FilePath == "Other.cs");
        var edited = compilation.ReplaceSyntaxTree(other, other.WithChangedText(other.GetText().Replace(other.GetText().ToString().IndexOf("x * 2", StringComparison.Ordinal), 5, "x + x")));
        driver = driver.RunGenerators(edited);
        AssertAllReused(driver);

        var added = edited.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Sample.More; public sealed class Extra { public int A { get; set; } }", GeneratorHarness.ParseOptions, path: "More.cs"));
        driver = driver.RunGenerators(added);
        AssertAllReused(driver);
    }

    [Fact]
    public void Editing_a_payload_shape_changes_the_model_and_the_context()
    {
        var (driver, compilation) = FirstRun();
        var before = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "InngestJsonContext.g.cs").SourceText.ToString();
        var events = compilation.SyntaxTrees.Single(t => t.FilePath == "Events.cs");
        var text = events.GetText().ToString().Replace("public int Count { get; set; }", "public int Count { get; set; }\n    public string? Added { get; set; }", StringComparison.Ordinal);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(events, events.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text))));

        var reasons = Reasons(driver);
        Assert.Contains(IncrementalStepRunReason.Modified, reasons[TrackingNames.Events]);
        Assert.Contains(IncrementalStepRunReason.Modified, reasons[TrackingNames.ContextInput]);
        var after = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "InngestJsonContext.g.cs").SourceText.ToString();
        Assert.DoesNotContain("\"added\"", before, StringComparison.Ordinal);
        Assert.Contains("\"added\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public void Models_hold_no_symbols_syntax_locations_or_compilations()
    {
        var (driver, _) = FirstRun();
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        var visited = 0;
        foreach (var name in TrackedSteps)
        {
            foreach (var output in steps[name].SelectMany(r => r.Outputs))
            {
                visited += Walk(output.Value, new HashSet<object>(ReferenceEqualityComparer.Instance), name);
            }
        }

        Assert.True(visited > 100, $"only {visited} values were walked; the models were not reached");
    }

    [Fact]
    public void Model_walk_detects_a_held_symbol()
    {
        var compilation = GeneratorHarness.Compilation(Samples.AccountCreated);
        var holder = new List<object> { "fine", new { Type = compilation.GetTypeByMetadataName("Sample.Events.AccountCreated") } };
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Walk(holder, new HashSet<object>(ReferenceEqualityComparer.Instance), "holder"));
    }

    private static int Walk(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return 1;
        }

        Assert.False(value is ISymbol or SyntaxNode or SyntaxTree or Location or Compilation or SemanticModel or SyntaxToken or AttributeData,
            $"{path} holds a {value.GetType().FullName}");
        if (!value.GetType().IsValueType && !seen.Add(value))
        {
            return 0;
        }

        var count = 1;
        if (value is IEnumerable sequence)
        {
            var i = 0;
            foreach (var item in sequence)
            {
                count += Walk(item, seen, path + "[" + i++ + "]");
            }
        }

        if (value.GetType().Namespace?.StartsWith("System", StringComparison.Ordinal) == true && value is not IEnumerable && !value.GetType().Name.StartsWith("ValueTuple", StringComparison.Ordinal))
        {
            return count;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (field.FieldType.IsPointer)
            {
                continue;
            }

            count += Walk(field.GetValue(value), seen, path + "." + field.Name);
        }

        return count;
    }
}
