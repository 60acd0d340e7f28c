using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using System.Threading.Tasks;
using Inngest.Generators.Diagnostics;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Inngest.Generators.Tests.Generator;

/// <summary>INNG011 reports exactly the payload members the generator leaves to the run-time resolver.</summary>
public sealed class UnsupportedMemberAnalyzerTests
{
    private static Task Verify(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<UnsupportedMemberAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestState = { Sources = { source }, AdditionalReferences = { GeneratorHarness.RuntimeReference } },
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Inng011(int markup) => new DiagnosticResult(DiagnosticDescriptors.UnsupportedMember).WithLocation(markup);

    [Fact]
    public Task Reports_members_whose_types_get_no_metadata_including_nested_ones() => Verify("""
        using System;
        using System.Collections.Generic;
        using Inngest;

        public sealed class Inner
        {
            public int[,]? {|#0:Grid|} { get; set; }
            public int Fine { get; set; }
        }

        [InngestEvent("app/thing.happened")]
        public sealed partial record ThingHappened(
            string Name,
            Inner Inner,
            List<Action> {|#1:Callbacks|},
            Dictionary<string, IntPtr> {|#2:Handles|},
            System.Collections.ArrayList {|#3:Untyped|});
        """,
        Inng011(0).WithArguments("Inner", "Grid", "int[*,*]", "multi-dimensional arrays are not serializable"),
        Inng011(1).WithArguments("ThingHappened", "Callbacks", "System.Action", "delegates are not serializable"),
        Inng011(2).WithArguments("ThingHappened", "Handles", "nint", "native integers are not serializable"),
        Inng011(3).WithArguments("ThingHappened", "Untyped", "System.Collections.ArrayList", "non-generic collections are not described (their elements have no static type)"));

    [Fact]
    public Task Object_interface_abstract_polymorphic_and_non_string_keys_have_metadata_as_with_System_Text_Json() => Verify("""
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Collections.Concurrent;
        using System.Text.Json.Serialization;
        using Inngest;

        public interface IShape { string Kind { get; } }
        public abstract class Animal { public string Name { get; set; } = ""; }
        [JsonDerivedType(typeof(Circle), "circle")]
        public class Figure { }
        public sealed class Circle : Figure { public double Radius { get; set; } }

        [InngestEvent("app/thing.happened")]
        public sealed partial record ThingHappened(
            object? Anything, List<IShape> Shapes, Dictionary<string, Animal> Animals, Figure? Figure,
            Dictionary<int, string> IntKeys, Dictionary<System.Guid, int> GuidKeys, IReadOnlyCollection<int> A, ISet<int> B,
            Queue<int> C, Stack<int> D, SortedDictionary<string, int> E, ConcurrentDictionary<string, int> F,
            ImmutableList<int> G, (int Id, string Name) Pair, KeyValuePair<string, int> Entry, System.ReadOnlyMemory<byte> Bytes);
        """);

    [Fact]
    public Task Supported_members_ignored_members_and_invalid_event_types_are_silent() => Verify("""
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Text.Json;
        using System.Text.Json.Nodes;
        using System.Text.Json.Serialization;
        using Inngest;

        public sealed class Node { public List<Node> Children { get; set; } = new(); public Node? Parent { get; set; } }

        [InngestEvent("app/fine")]
        public sealed partial record Fine(
            int A, string? B, Guid C, DateTimeOffset D, DateOnly E, TimeOnly F, TimeSpan G, Uri? H, Version? I,
            int[] J, List<string> K, IList<long> L, IReadOnlyList<int> M, ICollection<int> N, IEnumerable<int> O, HashSet<int> P,
            ImmutableArray<int> Q, Dictionary<string, int> R, IDictionary<string, int> S, IReadOnlyDictionary<string, Node> T,
            JsonElement U, JsonNode? V, JsonObject? W, Node X, int? Y, byte[] Z)
        {
            [JsonIgnore]
            public object? Ignored { get; set; }

            private object? Private { get; set; }
        }

        [InngestEvent("app/not.partial")]
        public sealed record NotPartial(object Anything);
        """);

    [Fact]
    public Task A_type_reached_from_two_events_is_reported_once() => Verify("""
        using Inngest;

        public sealed class Shared { public System.Action? {|#0:Value|} { get; set; } }

        [InngestEvent("app/first")]
        public sealed partial record First(Shared Shared);

        [InngestEvent("app/second")]
        public sealed partial record Second(Shared Shared);
        """,
        Inng011(0).WithArguments("Shared", "Value", "System.Action", "delegates are not serializable"));
}

/// <summary>The analyzer and the generator share one rule set: what INNG011 reports is what gets no metadata.</summary>
public sealed class AnalyzerGeneratorAgreementTests
{
    [Fact]
    public async Task Reported_members_are_exactly_the_members_without_generated_metadata()
    {
        const string source = """
            using System.Collections.Generic;
            using Inngest;
            namespace Agree;
            public interface IShape { }
            public abstract class Animal { }
            public sealed class Inner { public object? Deep { get; set; } public List<Inner> Kids { get; set; } = new(); public int Fine { get; set; } }
            [InngestEvent("app/agree")]
            public sealed partial record Agree(string Name, object? Anything, List<IShape> Shapes, Dictionary<string, Animal> Animals, Inner Inner, Dictionary<int, int> IntKeys, int[,] Grid);
            """;
        var compilation = GeneratorHarness.Compilation(source);
        var type = compilation.GetTypeByMetadataName("Agree.Agree")!;
        var model = EventParser.Parse(type, type.GetAttributes().Single(), compilation)!;
        var described = model.Shapes.ToDictionary(s => s.Fqn, System.StringComparer.Ordinal);
        bool HasMetadata(string fqn) => described.TryGetValue(fqn, out var shape)
            && (shape.ElementFqn is null || HasMetadata(shape.ElementFqn)) && (shape.KeyFqn is null || HasMetadata(shape.KeyFqn));
        var fromGenerator = model.Shapes
            .Where(s => s.Object is not null)
            .SelectMany(s => s.Object!.Members.Where(m => !HasMetadata(m.TypeFqn)).Select(m => s.Fqn.Replace("global::", string.Empty, System.StringComparison.Ordinal) + "." + m.ClrName))
            .OrderBy(x => x, System.StringComparer.Ordinal)
            .ToArray();

        var diagnostics = await compilation
            .WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new UnsupportedMemberAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        var fromAnalyzer = diagnostics
            .Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .Select(m => m.Substring(1, m.IndexOf("' has", System.StringComparison.Ordinal) - 1))
            .OrderBy(x => x, System.StringComparer.Ordinal)
            .ToArray();

        // object, interfaces, abstract types and int keys have metadata now (as with System.Text.Json's generator); a 2-D array does not.
        Assert.Equal(new[] { "Agree.Agree.Grid" }, fromGenerator);
        Assert.Equal(fromGenerator, fromAnalyzer);
        // Both reach an object, whose run-time type may only be in the user's resolver: no fast path.
        Assert.False(model.Shapes.Single(s => s.Fqn == "global::Agree.Agree").HasFastPath);
        Assert.False(model.Shapes.Single(s => s.Fqn == "global::Agree.Inner").HasFastPath);
    }
}
