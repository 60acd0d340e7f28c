using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using static Inngest.Generators.Tests.Analyzers.AnalyzerTestSupport;

namespace Inngest.Generators.Tests.Analyzers;

/// <summary>
/// INNG017-INNG019 (version chains and upgrades) and receive-only events (INNG002, INNG007), each reported where it
/// should be and silent where it should not. The analyzers run without the generator, so the sources' missing
/// generated members (CS0535) are not checked here; the generator tests compile the same shapes for real.
/// </summary>
public sealed class ReceivingAnalyzerTests
{
    private const string Chain = """
        using Inngest;

        [InngestEvent("app/account.created")]
        public sealed partial record V0(string Id);

        [InngestEvent("app/account.created", Version = "2024-01-01.9")]
        public sealed partial record V1(string Id, string Plan) : IInngestEventUpgrade<V1, V0> { public static V1 UpgradeFrom(V0 p) => new(p.Id, "free"); }

        [InngestEvent("app/account.created", Version = "2024-01-01.10")]
        public sealed partial record V2(string Id, string Plan, int Seats) : IInngestEventUpgrade<V2, V1> { public static V2 UpgradeFrom(V1 p) => new(p.Id, p.Plan, 1); }
        """;

    private static async Task VerifyAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.Sources.Add(source);
        test.TestState.AdditionalReferences.Add(RuntimeReference);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public async Task A_linear_chain_reports_nothing_counter_10_sorting_after_9()
    {
        await VerifyAsync<UpgradeSourceAnalyzer>(Chain);
        await VerifyAsync<VersionChainAnalyzer>(Chain);
    }

    [Fact]
    public async Task INNG019_upgrade_from_another_event_name()
    {
        await VerifyAsync<UpgradeSourceAnalyzer>("""
            using Inngest;
            [InngestEvent("app/invoice.paid")] public sealed partial record InvoicePaid(string Id);
            [InngestEvent("app/account.created", Version = "2024-06-01.1")]
            public sealed partial record {|#0:AccountCreated|}(string Id) : IInngestEventUpgrade<AccountCreated, InvoicePaid> { public static AccountCreated UpgradeFrom(InvoicePaid p) => new(p.Id); }
            """,
            Diagnostic(DiagnosticDescriptors.InvalidUpgradeSource).WithLocation(0)
                .WithArguments("AccountCreated", "AccountCreated", "InvoicePaid", "'InvoicePaid' declares the event \"app/invoice.paid\", not \"app/account.created\""));
    }

    [Fact]
    public async Task INNG019_upgrade_from_a_later_or_the_same_version()
    {
        await VerifyAsync<UpgradeSourceAnalyzer>("""
            using Inngest;
            [InngestEvent("app/a.created", Version = "2024-06-01.2")] public sealed partial record Newer(string Id);
            [InngestEvent("app/a.created", Version = "2024-06-01.1")]
            public sealed partial record {|#0:Older|}(string Id) : IInngestEventUpgrade<Older, Newer> { public static Older UpgradeFrom(Newer p) => new(p.Id); }
            [InngestEvent("app/b.created")] public sealed partial record NoVersion(string Id);
            [InngestEvent("app/b.created")]
            public sealed partial record {|#1:AlsoNoVersion|}(string Id) : IInngestEventUpgrade<AlsoNoVersion, NoVersion> { public static AlsoNoVersion UpgradeFrom(NoVersion p) => new(p.Id); }
            """,
            Diagnostic(DiagnosticDescriptors.InvalidUpgradeSource).WithLocation(0)
                .WithArguments("Older", "Older", "Newer", "its Version \"2024-06-01.2\" is not earlier than \"2024-06-01.1\""),
            Diagnostic(DiagnosticDescriptors.InvalidUpgradeSource).WithLocation(1)
                .WithArguments("AlsoNoVersion", "AlsoNoVersion", "NoVersion", "its Version (none) is not earlier than (none)"));
    }

    [Fact]
    public async Task INNG019_upgrade_to_another_type_or_from_a_type_without_the_attribute()
    {
        await VerifyAsync<UpgradeSourceAnalyzer>("""
            using Inngest;
            [InngestEvent("app/c.created")] public sealed partial record First(string Id);
            [InngestEvent("app/c.created", Version = "2024-06-01.1")]
            public sealed partial record Second(string Id) : IInngestEventUpgrade<Second, First> { public static Second UpgradeFrom(First p) => new(p.Id); }
            [InngestEvent("app/c.created", Version = "2024-07-01.1")]
            public sealed partial record {|#0:Third|}(string Id) : IInngestEventUpgrade<Second, First> { }
            public sealed partial record Plain(string Id);
            [InngestEvent("app/d.created", Version = "2024-07-01.1")]
            public sealed partial record {|#1:FromPlain|}(string Id) : IInngestEventUpgrade<FromPlain, Plain> { public static FromPlain UpgradeFrom(Plain p) => new(p.Id); }
            """,
            Diagnostic(DiagnosticDescriptors.InvalidUpgradeSource).WithLocation(0).WithArguments("Third", "Second", "First", "TSelf is not 'Third' itself"),
            Diagnostic(DiagnosticDescriptors.InvalidUpgradeSource).WithLocation(1).WithArguments("FromPlain", "FromPlain", "Plain", "'Plain' is not an [InngestEvent] type"));
    }

    [Fact]
    public async Task INNG017_a_gap_in_the_chain()
    {
        await VerifyAsync<VersionChainAnalyzer>("""
            using Inngest;
            [InngestEvent("app/e.created", Version = "2024-01-01.1")] public sealed partial record V1(string Id);
            [InngestEvent("app/e.created", Version = "2024-02-01.1")] public sealed partial record V2(string Id);
            [InngestEvent("app/e.created", Version = "2024-03-01.1")]
            public sealed partial record {|#0:V3|}(string Id) : IInngestEventUpgrade<V3, V1> { public static V3 UpgradeFrom(V1 p) => new(p.Id); }
            """,
            Diagnostic(DiagnosticDescriptors.VersionChainBroken).WithLocation(0).WithArguments("V3", "V1", "'V2' (Version \"2024-02-01.1\") lies between them (a gap)", "app/e.created"));
    }

    [Fact]
    public async Task INNG017_a_fork_reports_both_branches_and_no_INNG018()
    {
        await VerifyAsync<VersionChainAnalyzer>("""
            using Inngest;
            [InngestEvent("app/f.created")] public sealed partial record Root(string Id);
            [InngestEvent("app/f.created", Version = "2024-02-01.1")]
            public sealed partial record {|#0:Left|}(string Id) : IInngestEventUpgrade<Left, Root> { public static Left UpgradeFrom(Root p) => new(p.Id); }
            [InngestEvent("app/f.created", Version = "2024-03-01.1")]
            public sealed partial record {|#1:Right|}(string Id) : IInngestEventUpgrade<Right, Root> { public static Right UpgradeFrom(Root p) => new(p.Id); }
            """,
            Diagnostic(DiagnosticDescriptors.VersionChainBroken).WithLocation(0).WithArguments("Left", "Root", "'Right' upgrades from it too (a fork)", "app/f.created"),
            Diagnostic(DiagnosticDescriptors.VersionChainBroken).WithLocation(1).WithArguments("Right", "Root", "'Left' upgrades from it too (a fork)", "app/f.created"),
            Diagnostic(DiagnosticDescriptors.VersionChainBroken).WithLocation(1).WithArguments("Right", "Root", "'Left' (Version \"2024-02-01.1\") lies between them (a gap)", "app/f.created"));
    }

    [Fact]
    public async Task INNG018_two_records_of_one_name_that_are_both_the_latest()
    {
        await VerifyAsync<VersionChainAnalyzer>("""
            using Inngest;
            namespace Shop;
            [InngestEvent("app/order.placed", Version = "2024-01-01.1")] public sealed partial record {|#0:OrderPlacedV1|}(string Id);
            [InngestEvent("app/order.placed", Version = "2024-06-01.1")] public sealed partial record {|#1:OrderPlaced|}(string Id, decimal Total);
            [InngestEvent("app/other.thing")] public sealed partial record Alone(string Id);
            """,
            Diagnostic(DiagnosticDescriptors.SeveralLatestVersions).WithLocation(0).WithArguments("Shop.OrderPlacedV1", "Shop.OrderPlaced", "app/order.placed"),
            Diagnostic(DiagnosticDescriptors.SeveralLatestVersions).WithLocation(1).WithArguments("Shop.OrderPlaced", "Shop.OrderPlacedV1", "app/order.placed"));
    }

    [Fact]
    public async Task Receive_only_system_events_are_not_INNG002_and_send_nothing_that_could_collide()
    {
        const string source = """
            using Inngest;
            [InngestEvent("inngest/function.failed", ReceiveOnly = true)] public sealed partial record FunctionFailed(string Function_id);
            [InngestEvent("inngest/function.finished", ReceiveOnly = true, MethodName = "FunctionFailed")] public sealed partial record Finished(string Function_id);
            [InngestEvent("app/function.failed", MethodName = "FunctionFailed")] public sealed partial record Mine(string Id);
            [InngestEvent({|#0:"inngest/function.cancelled"|})] public sealed partial record NotMarked(string Id);
            """;
        await VerifyAsync<EventNameAnalyzer>(source,
            Diagnostic(DiagnosticDescriptors.ReservedName).WithLocation(0).WithArguments("inngest/function.cancelled"));
        await VerifyAsync<EventCollisionAnalyzer>(source);
    }
}
