using System.Threading.Tasks;
using Inngest.Generators.Diagnostics;
using Inngest.Generators.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using static Inngest.Generators.Tests.Analyzers.AnalyzerTestSupport;

namespace Inngest.Generators.Tests.CodeFixes;

public class EventNameConventionCodeFixTests
{
    private static Task VerifyAsync(string source, string fixedSource, params DiagnosticResult[] expected)
        => CodeFixTestSupport.VerifyAsync<EventNameAnalyzer, EventNameConventionCodeFixProvider>(source, fixedSource, expected);

    [Theory]
    [InlineData("App/Account Created", "app/account.created")]
    [InlineData("AccountCreated", "account.created")]
    [InlineData("app/AccountCreated", "app/account.created")]
    [InlineData("app/account_created", "app/account.created")]
    [InlineData("app/billing/invoice.paid", "app/billing.invoice.paid")]
    public async Task Rewrites_the_literal_to_the_suggestion(string name, string suggestion)
    {
        var problems = NamingConvention.Describe(NamingConvention.Check(name), name);
        await VerifyAsync(
            $$"""
            using Inngest;

            [InngestEvent({|#0:"{{name}}"|}, Version = "2024-05-15.1")]
            public partial record AccountCreated(string Id);
            """,
            $$"""
            using Inngest;

            [InngestEvent("{{suggestion}}", Version = "2024-05-15.1")]
            public partial record AccountCreated(string Id);
            """,
            Diagnostic(DiagnosticDescriptors.NameConvention).WithLocation(0).WithArguments(name, problems, suggestion));
    }

    [Fact]
    public async Task Rewrites_a_verbatim_literal_and_keeps_trivia()
    {
        await VerifyAsync(
            """
            using Inngest;

            [InngestEvent( /* name */ {|#0:@"Shop/Order Placed"|} /* end */ )]
            public partial record OrderPlaced(string Id);
            """,
            """
            using Inngest;

            [InngestEvent( /* name */ "shop/order.placed" /* end */ )]
            public partial record OrderPlaced(string Id);
            """,
            Diagnostic(DiagnosticDescriptors.NameConvention).WithLocation(0)
                .WithArguments("Shop/Order Placed", "contains uppercase letters, contains whitespace and has no '.' between object and action", "shop/order.placed"));
    }

    [Fact]
    public async Task Fix_all_renames_every_event()
    {
        await VerifyAsync(
            """
            using Inngest;

            [InngestEvent({|#0:"AccountCreated"|})]
            public partial record AccountCreated(string Id);

            [InngestEvent({|#1:"AccountDeleted"|})]
            public partial record AccountDeleted(string Id);
            """,
            """
            using Inngest;

            [InngestEvent("account.created")]
            public partial record AccountCreated(string Id);

            [InngestEvent("account.deleted")]
            public partial record AccountDeleted(string Id);
            """,
            Diagnostic(DiagnosticDescriptors.NameConvention).WithLocation(0).WithArguments("AccountCreated", "contains uppercase letters and has no '.' between object and action", "account.created"),
            Diagnostic(DiagnosticDescriptors.NameConvention).WithLocation(1).WithArguments("AccountDeleted", "contains uppercase letters and has no '.' between object and action", "account.deleted"));
    }

    [Fact]
    public async Task No_fix_for_a_constant()
    {
        const string source = """
            using Inngest;

            public static class Names { public const string Created = "App/Account.Created"; }

            [InngestEvent({|#0:Names.Created|})]
            public partial record AccountCreated(string Id);
            """;
        await VerifyAsync(
            source,
            source,
            Diagnostic(DiagnosticDescriptors.NameConvention).WithLocation(0).WithArguments("App/Account.Created", "contains uppercase letters", "app/account.created"));
    }

    [Fact]
    public async Task No_fix_without_a_conventional_suggestion()
    {
        const string source = """
            using Inngest;

            [InngestEvent({|#0:"Signup"|})]
            public partial record Signup(string Id);
            """;
        await VerifyAsync(
            source,
            source,
            Diagnostic(DiagnosticDescriptors.NameConvention).WithLocation(0).WithArguments("Signup", "contains uppercase letters and has no '.' between object and action", NamingConvention.ExampleName));
    }
}
