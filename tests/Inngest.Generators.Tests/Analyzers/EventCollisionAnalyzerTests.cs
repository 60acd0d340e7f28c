using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using static Inngest.Generators.Tests.Analyzers.AnalyzerTestSupport;
using Verify = Inngest.Generators.Tests.Analyzers.AnalyzerTestSupport;

namespace Inngest.Generators.Tests.Analyzers;

public class EventCollisionAnalyzerTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAsync<Inngest.Generators.Diagnostics.EventCollisionAnalyzer>(source, expected);

    [Fact]
    public async Task Distinct_names_versions_and_methods_report_nothing()
    {
        await VerifyAsync("""
            using Inngest;

            [InngestEvent("app/account.created")]
            public partial record AccountCreated(string Id);

            [InngestEvent("app/account.created", Version = "2024-05-15.1", MethodName = "AccountCreatedV1")]
            public partial record AccountCreatedV1(string Id);

            [InngestEvent("app/account.created", Version = "2024-06-01.1", MethodName = "AccountCreatedV2")]
            public partial record AccountCreatedV2(string Id, string Plan);

            // Names are case-sensitive on the wire.
            [InngestEvent("app/Account.created")]
            public partial record AccountCreatedUpper(string Id);

            // Two empty names are INNG001's business, not duplicates.
            [InngestEvent("")]
            public partial record EmptyOne(string Id);

            [InngestEvent("")]
            public partial record EmptyTwo(string Id);
            """);
    }

    [Fact]
    public async Task INNG006_same_name_without_version_on_each_type()
    {
        await VerifyAsync("""
            using Inngest;

            [InngestEvent({|#0:"app/account.created"|})]
            public partial record AccountCreated(string Id);

            [InngestEvent({|#1:Names.Created|}, MethodName = "Created")]
            public partial record Other(string Id);

            public static class Names { public const string Created = "app/account.created"; }
            """,
            Diagnostic(DiagnosticDescriptors.DuplicateEvent).WithLocation(0).WithArguments("AccountCreated", "app/account.created", "without a Version", "Other"),
            Diagnostic(DiagnosticDescriptors.DuplicateEvent).WithLocation(1).WithArguments("Other", "app/account.created", "without a Version", "AccountCreated"));
    }

    [Fact]
    public async Task INNG006_same_name_and_version_across_namespaces_and_three_types()
    {
        await VerifyAsync("""
            using Inngest;

            namespace A
            {
                [InngestEvent({|#0:"app/x.y"|}, Version = "2024-05-15.1", MethodName = "A")]
                public partial record X(string Id);
            }

            namespace B
            {
                [InngestEvent({|#1:"app/x.y"|}, Version = "2024-05-15.1", MethodName = "B")]
                public partial record X(string Id);

                public partial class Outer
                {
                    [InngestEvent({|#2:"app/x.y"|}, Version = "2024-05-15.1", MethodName = "C")]
                    public partial record X(string Id);
                }
            }
            """,
            Diagnostic(DiagnosticDescriptors.DuplicateEvent).WithLocation(0).WithArguments("A.X", "app/x.y", "with Version \"2024-05-15.1\"", "B.Outer.X"),
            Diagnostic(DiagnosticDescriptors.DuplicateEvent).WithLocation(1).WithArguments("B.X", "app/x.y", "with Version \"2024-05-15.1\"", "A.X"),
            Diagnostic(DiagnosticDescriptors.DuplicateEvent).WithLocation(2).WithArguments("B.Outer.X", "app/x.y", "with Version \"2024-05-15.1\"", "A.X"));
    }

    [Fact]
    public async Task No_INNG007_for_the_same_method_name_on_different_payload_types_because_they_are_overloads()
    {
        await VerifyAsync("""
            using Inngest;

            [InngestEvent("app/account.created")]
            public partial record {|#0:AccountCreated|}(string Id);

            [InngestEvent("app/account.created", Version = "2024-05-15.1")]
            public partial record {|#1:AccountCreatedEvent|}(string Id);
            """);
    }

    [Fact]
    public async Task No_INNG007_for_a_method_name_override_or_the_same_type_name_in_two_namespaces()
    {
        await VerifyAsync("""
            using Inngest;

            namespace Billing
            {
                [InngestEvent("billing/invoice.paid")]
                public partial record {|#0:InvoicePaid|}(string Id);
            }

            namespace Shop
            {
                [InngestEvent("shop/invoice.paid", MethodName = {|#1:"InvoicePaid"|})]
                public partial record ShopInvoice(string Id);

                [InngestEvent("shop/order.paid", MethodName = "OrderPaid")]
                public partial record InvoicePaid(string Id);
            }
            """);
    }

    [Fact]
    public async Task INNG006_across_files_and_no_INNG007_for_overloads()
    {
        await Verify.VerifyAsync<Inngest.Generators.Diagnostics.EventCollisionAnalyzer>(
            new[]
            {
                """
                namespace One { [Inngest.InngestEvent({|#0:"app/a.b"|})] public partial record {|#1:Thing|}; }
                """,
                """
                namespace Two { [Inngest.InngestEvent({|#2:"app/a.b"|})] public partial record {|#3:Thing|}; }
                """,
            },
            Diagnostic(DiagnosticDescriptors.DuplicateEvent).WithLocation(0).WithArguments("One.Thing", "app/a.b", "without a Version", "Two.Thing"),
            Diagnostic(DiagnosticDescriptors.DuplicateEvent).WithLocation(2).WithArguments("Two.Thing", "app/a.b", "without a Version", "One.Thing"));
    }

    [Fact]
    public async Task Invalid_method_names_are_INNG012s_business()
    {
        await VerifyAsync("""
            using Inngest;

            [InngestEvent("app/a.created", MethodName = "A B")]
            public partial record A(string Id);

            [InngestEvent("app/b.created", MethodName = "A B")]
            public partial record B(string Id);
            """);
    }
}
