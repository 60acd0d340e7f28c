using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Inngest.Generators.Tests.Generator;
using Inngest.Generators.Tests.Parity;
using Inngest.Testing.Server;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Generators.Tests.Regressions;

/// <summary>One test per row of issue 10's table; each failed before the generator rewrite.</summary>
public sealed class IssueTableRegressionTests
{
    private static JsonTypeInfo<T> Info<T>()
        where T : IInngestEventData<T>
        => T.JsonTypeInfo;

    /// <summary>Compiles user code with the generator; returns the compiler's errors and warnings.</summary>
    private static (Diagnostic[] Problems, IReadOnlyDictionary<string, string> Sources) Compile(string source)
    {
        var (output, _, sources) = GeneratorHarness.Run(GeneratorHarness.Compilation(source));
        return (output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray(), sources);
    }

    [Fact]
    public void Row01_internal_record_gets_internal_send_methods_callable_from_the_assembly()
    {
        var (problems, sources) = Compile("""
            using Inngest;
            namespace Shop;
            [InngestEvent("shop/order.shipped")]
            internal sealed partial record OrderShipped(string OrderId);
            internal static partial class Outer { [InngestEvent("shop/order.packed")] public sealed partial record OrderPacked(string OrderId); }
            internal static class Caller
            {
                public static System.Threading.Tasks.Task Call(IInngestClient client)
                    => System.Threading.Tasks.Task.WhenAll(client.SendOrderShippedAsync(new OrderShipped("o")), client.SendOrderPackedAsync(new Outer.OrderPacked("o")));
            }
            """);
        Assert.Empty(problems);
        Assert.Contains("internal static global::System.Threading.Tasks.Task<global::Inngest.InngestSendResult> SendOrderShippedAsync(", sources["Shop.OrderShipped.InngestEvent.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Row02_polymorphic_interface_and_int_key_members_are_written_as_System_Text_Json_writes_them_and_errors_surface_as_validation_errors()
    {
        var value = new Row2Payload(new CircleShape(1.5), new List<Shape> { new SquareShape(2), new CircleShape(0) }, new Named(), new Dictionary<int, string> { [1] = "a" });
        Assert.Equal(
            """{"shape":{"$type":"circle","radius":1.5},"shapes":[{"$type":"square","side":2},{"$type":"circle","radius":0}],"who":{"name":"n"},"map":{"1":"a"}}""",
            JsonSerializer.Serialize(value, Info<Row2Payload>()));
        var back = JsonSerializer.Deserialize("""{"shape":{"$type":"square","side":3},"shapes":[],"who":null,"map":{"2":"b"}}""", Info<Row2Payload>())!;
        Assert.Equal(new SquareShape(3), back.Shape);
        Assert.Equal("b", back.Map[2]);

        // A getter that throws is the event's validation error, not a raw exception.
        await using var server = await CaptureServer.StartAsync();
        using var client = new InngestClient(new InngestClientOptions { EventKey = "k", BaseUrl = server.BaseUrl.ToString(), EnvironmentReader = _ => null });
        var error = await Assert.ThrowsAsync<InngestEventValidationException>(() => client.SendRow2PayloadAsync(value with { Who = new Throwing() }));
        Assert.IsType<FormatException>(error.InnerException); // the original exception, unwrapped
        Assert.Empty(server.Requests);
    }

    private sealed class Throwing : INamed
    {
        public string Name => throw new FormatException("bad name");
    }

    [Fact]
    public void Row03_tuple_member_compiles_and_writes_an_empty_object_like_System_Text_Json()
        => Assert.Equal(JsonSerializer.Serialize(new Row3Payload((1, "a")), ParityAssert.Reflection), JsonSerializer.Serialize(new Row3Payload((1, "a")), Info<Row3Payload>()));

    [Fact]
    public void Row04_member_converter_on_an_int_keyed_dictionary_is_used()
    {
        var value = new Row4Payload(new Dictionary<int, string> { [1] = "a" });
        Assert.Equal("""{"map":[[1,"a"]]}""", JsonSerializer.Serialize(value, Info<Row4Payload>()));
        Assert.Equal("a", JsonSerializer.Deserialize("""{"map":[[1,"a"]]}""", Info<Row4Payload>())!.Map[1]);
    }

    [Fact]
    public void Row05_missing_JsonRequired_member_is_rejected_like_reflection()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"name":"n"}""", Info<Row5Payload>()));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Row5Payload>("""{"name":"n"}""", ParityAssert.Reflection));
        Assert.Equal(3, JsonSerializer.Deserialize("""{"name":"n","count":3}""", Info<Row5Payload>())!.Count);
    }

    [Fact]
    public void Row06_constructor_parameter_of_an_ignored_property_reads_as_its_default()
    {
        var back = JsonSerializer.Deserialize("""{"keep":"k","secret":"s"}""", Info<Row6Payload>())!;
        Assert.Equal(JsonSerializer.Deserialize<Row6Payload>("""{"keep":"k","secret":"s"}""", ParityAssert.Reflection), back);
        Assert.Equal("""{"keep":"k"}""", JsonSerializer.Serialize(new Row6Payload("k", "s"), Info<Row6Payload>()));
    }

    [Fact]
    public void Row07_KeyValuePair_round_trips()
        => Assert.Equal(new KeyValuePair<string, int>("a", 3), JsonSerializer.Deserialize("""{"pair":{"key":"a","value":3}}""", Info<Row7Payload>())!.Pair);

    [Fact]
    public void Row08_memory_of_bytes_is_base64()
    {
        var value = new Row8Payload(new byte[] { 0, 1, 2, 255 }, "hi"u8.ToArray());
        Assert.Equal("""{"bytes":"AAEC/w==","readOnly":"aGk="}""", JsonSerializer.Serialize(value, Info<Row8Payload>()));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, JsonSerializer.Deserialize("""{"bytes":"AAEC/w==","readOnly":"aGk="}""", Info<Row8Payload>())!.Bytes.ToArray());
    }

    [Fact]
    public async Task Row09_inaccessible_JsonInclude_members_are_named_by_INNG014()
    {
        var compilation = GeneratorHarness.Compilation("""
            using System.Text.Json.Serialization;
            using Inngest;
            [InngestEvent("app/order.placed")]
            public sealed partial record OrderPlaced(string Id)
            {
                [JsonInclude] public string Status { get; private set; } = "new";
                [JsonInclude] private string _note = "";
            }
            """);
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UnsupportedMemberAnalyzer())).GetAnalyzerDiagnosticsAsync();
        var messages = diagnostics.Where(d => d.Id == "INNG014").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(m => m, StringComparer.Ordinal).ToArray();
        Assert.Equal(2, messages.Length);
        Assert.Contains("'OrderPlaced.Status' has [JsonInclude], but its setter is private", messages[0], StringComparison.Ordinal);
        Assert.Contains("'OrderPlaced._note' has [JsonInclude], but its field is private", messages[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Row10_polymorphic_event_type_is_generated_and_a_list_event_gets_INNG013()
    {
        Assert.Equal("""{"$type":"derived","extra":1,"common":"c"}""", JsonSerializer.Serialize<Row10Payload>(new Row10Derived("c", 1), Info<Row10Payload>()));
        Assert.Equal(new Row10Derived("c", 1), JsonSerializer.Deserialize("""{"$type":"derived","extra":1,"common":"c"}""", Info<Row10Payload>()));

        var compilation = GeneratorHarness.Compilation("""
            using Inngest;
            [InngestEvent("app/lines.added")]
            public partial class LinesAdded : System.Collections.Generic.List<int> { }
            """);
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new EventTypeShapeAnalyzer())).GetAnalyzerDiagnosticsAsync();
        Assert.Equal("INNG013", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public async Task Row11_null_data_is_rejected_before_any_request()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = new InngestClient(new InngestClientOptions { EventKey = "k", BaseUrl = server.BaseUrl.ToString(), EnvironmentReader = _ => null });
        var single = Assert.Throws<ArgumentNullException>(() => { _ = client.SendRow11PayloadAsync((Row11Payload)null!); });
        Assert.Contains("regression/row11.plain", single.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => { _ = client.SendRow11PayloadAsync(new[] { new Row11Payload("a"), null! }); });
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Row12_obsolete_error_member_compiles_and_is_written_and_read_like_reflection()
    {
        // The test cannot name Old either (CS0619): it sets and reads it by reflection, as System.Text.Json's reflection serializer does.
        var old = typeof(Row12Payload).GetProperty("Old")!;
        var value = new Row12Payload("k");
        old.SetValue(value, "legacy");
        var expected = JsonSerializer.Serialize(value, ParityAssert.Reflection);
        Assert.Equal("""{"kept":"k","old":"legacy"}""", expected);
        Assert.Equal(expected, JsonSerializer.Serialize(value, Info<Row12Payload>()));
        Assert.Equal(expected, JsonSerializer.Serialize(value, ParityAssert.MetadataPath(Info<Row12Payload>())));
        Assert.Equal("legacy", old.GetValue(JsonSerializer.Deserialize(expected, Info<Row12Payload>())));
        var (problems, _) = Compile("""
            using Inngest;
            [InngestEvent("app/x.y")]
            public sealed partial record X(string Kept) { [System.Obsolete("removed", error: true)] public string? Old { get; set; } }
            """);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Row13_non_generic_JsonStringEnumConverter_gets_INNG015_and_the_generic_one_writes_strings()
    {
        Assert.Equal("""{"plan":"Pro"}""", JsonSerializer.Serialize(new Row13Payload(Plan.Pro), Info<Row13Payload>()));
        var compilation = GeneratorHarness.Compilation("""
            using System.Text.Json.Serialization;
            using Inngest;
            [JsonConverter(typeof(JsonStringEnumConverter))] public enum Tier { Free, Pro }
            [InngestEvent("app/x.y")] public sealed partial record X(Tier Tier);
            """);
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UnsupportedMemberAnalyzer())).GetAnalyzerDiagnosticsAsync();
        Assert.Equal("INNG015", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Row14_collection_shapes_and_object_members_write_and_read_like_reflection()
    {
        var value = new Row14Payload(new[] { 1, 2 }, new HashSet<string> { "a" }, new Queue<int>(new[] { 1, 2 }), new Stack<int>(new[] { 1, 2 }),
            new SortedDictionary<string, int> { ["b"] = 2, ["a"] = 1 }, new ConcurrentDictionary<string, int>(new Dictionary<string, int> { ["k"] = 1 }),
            ImmutableList.Create("i"), new Dictionary<Guid, string> { [Guid.Empty] = "zero" }, new Props { ["n"] = 1, ["s"] = "two" }, 2.5);
        var expected = JsonSerializer.Serialize(value, ParityAssert.Reflection);
        Assert.Equal(expected, JsonSerializer.Serialize(value, Info<Row14Payload>()));
        // Read back as reflection reads it (a Stack read from [2,1] enumerates as [1,2] there too).
        var back = JsonSerializer.Deserialize(expected, Info<Row14Payload>())!;
        var reflectionBack = JsonSerializer.Deserialize<Row14Payload>(expected, ParityAssert.Reflection)!;
        Assert.Equal(JsonSerializer.Serialize(reflectionBack, ParityAssert.Reflection), JsonSerializer.Serialize(back, ParityAssert.Reflection));
    }

    [Fact]
    public void Row15_fast_path_and_metadata_path_stop_at_the_same_depth()
    {
        static DepthNode Chain(int depth)
        {
            var root = new DepthNode();
            var current = root;
            for (var i = 1; i < depth; i++)
            {
                current.Next = new DepthNode { Value = i };
                current = current.Next;
            }

            return root;
        }

        foreach (var depth in new[] { 61, 62, 63, 64 })
        {
            var value = new Row15Payload(Chain(depth));
            var reflection = Record.Exception(() => JsonSerializer.Serialize(value, ParityAssert.Reflection));
            var fast = Record.Exception(() => JsonSerializer.Serialize(value, Info<Row15Payload>()));
            var metadata = Record.Exception(() => JsonSerializer.Serialize(value, ParityAssert.MetadataPath(Info<Row15Payload>())));
            Assert.Equal(reflection is null, fast is null);
            Assert.Equal(reflection is null, metadata is null);
        }
    }

    [Fact]
    public void Row16_same_type_name_in_two_namespaces_compiles_both_send_methods_without_INNG007()
    {
        var (problems, _) = Compile("""
            using Inngest;
            namespace Accounts { [InngestEvent("accounts/created")] public sealed partial record Created(string Id); }
            namespace Invoices { [InngestEvent("invoices/created")] public sealed partial record Created(string Id); }
            namespace App
            {
                using Accounts;
                using Invoices;
                internal static class Caller
                {
                    public static System.Threading.Tasks.Task Call(IInngestClient client)
                        => System.Threading.Tasks.Task.WhenAll(client.SendCreatedAsync(new Accounts.Created("a")), client.SendCreatedAsync(new Invoices.Created("i")));
                }
            }
            """);
        Assert.Empty(problems);
    }
}
