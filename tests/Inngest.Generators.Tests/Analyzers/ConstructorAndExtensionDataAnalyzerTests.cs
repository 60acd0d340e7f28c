using System.Threading.Tasks;
using Inngest.Generators.Diagnostics;
using static Inngest.Generators.Tests.Analyzers.AnalyzerTestSupport;

namespace Inngest.Generators.Tests.Analyzers;

/// <summary>
/// INNG027 ([JsonConstructor] generated code cannot use) and INNG028 (invalid [JsonExtensionData]): the cases
/// System.Text.Json's generator reports as SYSLIB1222, SYSLIB1033, SYSLIB1035 and SYSLIB1036 (the oracle project
/// compares both generators on the same cases); the accepted shapes beside them report nothing.
/// </summary>
public sealed class ConstructorAndExtensionDataAnalyzerTests
{
    [Theory]
    [InlineData("private", "private")]
    [InlineData("protected", "protected")]
    [InlineData("private protected", "private protected")]
    public Task An_inaccessible_JsonConstructor_is_INNG027(string modifier, string described) =>
        VerifyAsync<UnsupportedMemberAnalyzer>($$"""
            using System.Text.Json.Serialization;
            using Inngest;
            namespace App;
            [InngestEvent("app/order.placed")]
            public partial class OrderPlaced
            {
                public OrderPlaced() { }

                [JsonConstructor]
                {{modifier}} {|#0:OrderPlaced|}(string id) => Id = id;

                public string? Id { get; }
            }
            """,
            Diagnostic(DiagnosticDescriptors.UnusableJsonConstructor).WithLocation(0).WithArguments(
                "App.OrderPlaced", "the constructor 'App.OrderPlaced.OrderPlaced(string)'", "which is " + described + ", so generated code cannot call it", "SYSLIB1222",
                "make the constructor public (or internal, when the type is declared in this assembly)"));

    [Fact]
    public Task Two_JsonConstructors_are_INNG027_on_the_first() =>
        VerifyAsync<UnsupportedMemberAnalyzer>("""
            using System.Text.Json.Serialization;
            using Inngest;
            namespace App;
            [InngestEvent("app/order.placed")]
            public partial class OrderPlaced
            {
                [JsonConstructor]
                public {|#0:OrderPlaced|}(string id) => Id = id;

                [JsonConstructor]
                public OrderPlaced(string id, int total) { Id = id; Total = total; }

                public string Id { get; }

                public int Total { get; }
            }
            """,
            Diagnostic(DiagnosticDescriptors.UnusableJsonConstructor).WithLocation(0).WithArguments(
                "App.OrderPlaced", "more than one constructor", "and System.Text.Json uses at most one", "SYSLIB1033", "keep [JsonConstructor] on one constructor"));

    [Fact]
    public Task Public_and_internal_JsonConstructors_are_used_without_a_diagnostic() =>
        VerifyAsync<UnsupportedMemberAnalyzer>("""
            using System.Text.Json.Serialization;
            using Inngest;
            namespace App;
            [InngestEvent("app/order.placed")]
            public partial class OrderPlaced
            {
                public OrderPlaced() { }

                [JsonConstructor]
                internal OrderPlaced(string id) => Id = id;

                public string? Id { get; }

                public Line? First { get; set; }
            }

            public sealed class Line
            {
                [JsonConstructor]
                public Line(string sku) => Sku = sku;

                public string Sku { get; }
            }
            """);

    [Fact]
    public Task An_inaccessible_JsonConstructor_deep_in_the_payload_is_INNG027() =>
        VerifyAsync<UnsupportedMemberAnalyzer>("""
            using System.Text.Json.Serialization;
            using Inngest;
            namespace App;
            [InngestEvent("app/order.placed")]
            public partial record OrderPlaced(Line[] Lines);

            public sealed class Line
            {
                [JsonConstructor]
                private {|#0:Line|}(string sku) => Sku = sku;

                public string Sku { get; }
            }
            """,
            Diagnostic(DiagnosticDescriptors.UnusableJsonConstructor).WithLocation(0).WithArguments(
                "App.Line", "the constructor 'App.Line.Line(string)'", "which is private, so generated code cannot call it", "SYSLIB1222",
                "make the constructor public (or internal, when the type is declared in this assembly)"));

    [Fact]
    public Task Two_extension_data_members_are_INNG028_on_the_second() =>
        VerifyAsync<UnsupportedMemberAnalyzer>("""
            using System.Collections.Generic;
            using System.Text.Json;
            using System.Text.Json.Serialization;
            using Inngest;
            namespace App;
            [InngestEvent("app/order.placed")]
            public partial class OrderPlaced
            {
                [JsonExtensionData]
                public Dictionary<string, object>? A { get; set; }

                [JsonExtensionData]
                public Dictionary<string, JsonElement>? {|#0:B|} { get; set; }
            }
            """,
            Diagnostic(DiagnosticDescriptors.InvalidExtensionData).WithLocation(0).WithArguments(
                "App.OrderPlaced", "B", "'OrderPlaced' has 2 [JsonExtensionData] members ('A', 'B') and System.Text.Json allows one: keep the attribute on one of them", "SYSLIB1035"));

    [Fact]
    public Task Extension_data_that_cannot_hold_unmapped_properties_is_INNG028() =>
        VerifyAsync<UnsupportedMemberAnalyzer>("""
            using System.Collections.Generic;
            using System.Text.Json.Serialization;
            using Inngest;
            namespace App;
            [InngestEvent("app/order.placed")]
            public partial class OrderPlaced
            {
                [JsonExtensionData]
                public Dictionary<string, int>? {|#0:Extra|} { get; set; }
            }
            """,
            Diagnostic(DiagnosticDescriptors.InvalidExtensionData).WithLocation(0).WithArguments(
                "App.OrderPlaced", "Extra", "its type 'System.Collections.Generic.Dictionary<string, int>' cannot hold the unmapped properties: use Dictionary<string, JsonElement>, Dictionary<string, object> or JsonObject", "SYSLIB1036"));

    [Fact]
    public Task Every_extension_data_shape_System_Text_Json_accepts_reports_nothing() =>
        VerifyAsync<UnsupportedMemberAnalyzer>("""
            using System.Collections.Generic;
            using System.Text.Json;
            using System.Text.Json.Nodes;
            using System.Text.Json.Serialization;
            using Inngest;
            namespace App;
            [InngestEvent("app/a.placed")]
            public partial class A { [JsonExtensionData] public Dictionary<string, object?>? Extra { get; set; } }
            [InngestEvent("app/b.placed")]
            public partial class B { [JsonExtensionData] public IDictionary<string, JsonElement>? Extra { get; set; } }
            [InngestEvent("app/c.placed")]
            public partial class C { [JsonExtensionData] public JsonObject? Extra { get; set; } }
            [InngestEvent("app/d.placed")]
            public partial class D { [JsonExtensionData] public SortedDictionary<string, JsonElement>? Extra { get; set; } }
            """);
}
