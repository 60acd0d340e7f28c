using System.Linq;
using Microsoft.CodeAnalysis;

namespace Inngest.Generators.Tests.Generator;

/// <summary>What the generator emits for receiving: upgrade members, receive-only events, and the event registry.</summary>
public sealed class ReceivingGeneratorTests
{
    private static MetadataReference Library(string source, string assemblyName)
    {
        var (output, _, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(source, assemblyName: assemblyName));
        using var stream = new System.IO.MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    [Fact]
    public void An_upgrading_record_gets_the_chain_members_and_compiles()
    {
        var (output, _, sources) = GeneratorHarness.Run(GeneratorHarness.Compilation("""
            using Inngest;
            namespace Sample.Events;
            [InngestEvent("app/account.created", Version = "2024-01-01.1")] public sealed partial record V1(string Id);
            [InngestEvent("app/account.created", Version = "2024-02-01.1")]
            public sealed partial record V2(string Id, string Plan) : IInngestEventUpgrade<V2, V1> { public static V2 UpgradeFrom(V1 previous) => new(previous.Id, "free"); }
            """));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Contains("global::Inngest.InngestEventDataReader.Upgrade<V2, global::Sample.Events.V1>(reader, out value)", sources["Sample.Events.V2.InngestEvent.g.cs"], System.StringComparison.Ordinal);
        Assert.Contains("HasEarlierVersion => true", sources["Sample.Events.V2.InngestEvent.g.cs"], System.StringComparison.Ordinal);
        Assert.DoesNotContain("HasEarlierVersion", sources["Sample.Events.V1.InngestEvent.g.cs"], System.StringComparison.Ordinal);
    }

    [Fact]
    public void Readers_are_generated_for_the_shapes_they_spell_out_and_for_no_type_that_reaches_another()
    {
        var (output, _, sources) = GeneratorHarness.Run(GeneratorHarness.Compilation("""
            using System;
            using System.Collections.Generic;
            using System.Text.Json.Serialization;
            using Inngest;
            namespace Sample.Events;
            [InngestEvent("app/tree.grown")] public sealed partial record Tree(string Label, List<Tree>? Children, Dictionary<string, int>? Counts, DateTimeOffset? At);
            // A cycle through a member no reader spells out (Uri): neither type of the cycle gets one.
            [InngestEvent("app/loop.a")] public sealed partial record LoopA(string Id, LoopB? Next);
            public sealed record LoopB(LoopA? Back, Uri Link);
            // A settable member next to the constructor, and a name no UTF-8 literal can hold: no reader.
            [InngestEvent("app/mixed.set")] public sealed partial record Mixed(string Id) { public string? Later { get; set; } }
            [InngestEvent("app/odd.name")] public sealed partial record OddName([property: JsonPropertyName("half\uD800")] string Value);
            // A class set through its setters, with a get-only member whose value is skipped.
            [InngestEvent("app/plain.set")] public sealed partial class Plain { public int Count { get; set; } public string? Note { get; set; } public int Twice => Count * 2; }
            // Every value type the readers spell out, each through its own helper.
            [InngestEvent("app/all.values")]
            public sealed partial record AllValues(string S, bool B, byte By, sbyte Sb, short Sh, ushort Us, int I, uint Ui, long L, ulong Ul,
                float F, double D, decimal M, DateTimeOffset Dto, DateTime Dt, Guid G, int? Maybe, IReadOnlyList<long> Longs, IDictionary<string, Guid> Ids, float[] Floats);
            """));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        bool HasReader(string type) => sources["Sample.Events." + type + ".InngestEvent.g.cs"].Contains(".TryReadData(", System.StringComparison.Ordinal);
        Assert.True(HasReader("Tree"));
        Assert.True(HasReader("Plain"));
        Assert.True(HasReader("AllValues"));
        Assert.False(HasReader("LoopA"));
        Assert.False(HasReader("Mixed"));
        Assert.False(HasReader("OddName"));
        var context = sources["InngestJsonContext.g.cs"];
        Assert.DoesNotContain("TryRead_LoopB", context, System.StringComparison.Ordinal);
        Assert.Contains("if (reader.ValueTextEquals(\"twice\"u8)) { if (!reader.Read()) return false; reader.Skip(); }", context, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_receive_only_event_gets_its_metadata_and_no_send_method()
    {
        var (output, _, sources) = GeneratorHarness.Run(GeneratorHarness.Compilation("""
            using Inngest;
            namespace Sample.Events;
            [InngestEvent("inngest/function.failed", ReceiveOnly = true)] public sealed partial record FunctionFailed(string RunId);
            [InngestEvent("app/kept.sendable", ReceiveOnly = true)] public sealed partial record Kept(string Id);
            """));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var file = sources["Sample.Events.FunctionFailed.InngestEvent.g.cs"];
        Assert.Contains("public const string EventName = \"inngest/function.failed\";", file, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Send", file, System.StringComparison.Ordinal);
        Assert.DoesNotContain("SendKeptAsync", sources["Sample.Events.Kept.InngestEvent.g.cs"], System.StringComparison.Ordinal);
        Assert.Contains("registry.Add<global::Sample.Events.FunctionFailed>();", sources["InngestEventRegistration.g.cs"], System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_registry_covers_the_public_events_of_referenced_assemblies_also_without_events_of_its_own()
    {
        var contracts = Library("""
            using Inngest;
            namespace Contracts;
            [InngestEvent("app/order.placed")] public sealed partial record OrderPlaced(string Id);
            public static partial class Outer { [InngestEvent("app/order.nested")] public sealed partial record Nested(string Id); }
            [InngestEvent("app/order.hidden")] internal sealed partial record Hidden(string Id);
            """, "Contracts");
        var app = GeneratorHarness.Compilation("namespace App; public static class Program { }", GeneratorHarness.Net80.Append(contracts), assemblyName: "App");
        var (output, _, sources) = GeneratorHarness.Run(app);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var registration = sources["InngestEventRegistration.g.cs"];
        Assert.Contains("registry.Add<global::Contracts.OrderPlaced>();", registration, System.StringComparison.Ordinal);
        Assert.Contains("registry.Add<global::Contracts.Outer.Nested>();", registration, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden", registration, System.StringComparison.Ordinal);
        Assert.False(sources.ContainsKey("InngestJsonContext.g.cs")); // nothing of its own to describe
    }

    [Fact]
    public void An_assembly_without_events_that_references_none_gets_no_registry()
    {
        var (_, _, sources) = GeneratorHarness.Run(GeneratorHarness.Compilation("namespace App; public static class Program { }"));
        Assert.Empty(sources);
    }
}
