using System.Threading.Tasks;
using static Inngest.Generators.Tests.Analyzers.AnalyzerTestSupport;
using Verify = Inngest.Generators.Tests.Analyzers.AnalyzerTestSupport;

namespace Inngest.Generators.Tests.Analyzers;

public class EventNameAnalyzerTests
{
    private static Task VerifyAsync(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        => Verify.VerifyAsync<Inngest.Generators.Diagnostics.EventNameAnalyzer>(source, expected);

    [Theory]
    [InlineData("app/account.created")]
    [InlineData("account.created")]
    [InlineData("billing/invoice.payment_failed")]
    [InlineData("shop-1/cart.item-added")]
    public async Task Conventional_name_and_version_report_nothing(string name)
    {
        await VerifyAsync($$"""
            using Inngest;

            [InngestEvent("{{name}}", Version = "2024-05-15.1")]
            public partial record AccountCreated(string AccountId);

            [InngestEvent("{{name}}")]
            public partial record struct NoVersion(int Count);
            """);
    }

    [Fact]
    public async Task Types_without_the_attribute_are_ignored()
    {
        await VerifyAsync("""
            [System.Obsolete("")]
            public record NotAnEvent(string Name);
            """);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    [InlineData("null")]
    [InlineData("Names.Empty")]
    public async Task INNG001_empty_name(string argument)
    {
        await VerifyAsync($$"""
            using Inngest;

            public static class Names { public const string Empty = ""; }

            [InngestEvent({|#0:{{argument}}|})]
            public partial record AccountCreated(string AccountId);
            """,
            Diagnostic(DiagnosticDescriptors.EmptyName).WithLocation(0).WithArguments("AccountCreated"));
    }

    [Theory]
    [InlineData("inngest/function.finished")]
    [InlineData("Inngest/function.finished")]
    [InlineData("INNGEST/Function Finished")]
    public async Task INNG002_reserved_prefix_in_any_case_and_no_convention_warning(string name)
    {
        await VerifyAsync($$"""
            using Inngest;

            [InngestEvent({|#0:"{{name}}"|})]
            public partial class Finished { }
            """,
            Diagnostic(DiagnosticDescriptors.ReservedName).WithLocation(0).WithArguments(name));
    }

    [Fact]
    public async Task INNG002_from_a_constant()
    {
        await VerifyAsync("""
            using Inngest;

            public static class Names { public const string Prefix = "inngest/"; public const string Finished = Prefix + "function.finished"; }

            [InngestEvent({|#0:Names.Finished|})]
            public partial class Finished { }
            """,
            Diagnostic(DiagnosticDescriptors.ReservedName).WithLocation(0).WithArguments("inngest/function.finished"));
    }

    [Fact]
    public async Task Inngest_without_the_slash_is_not_reserved()
    {
        await VerifyAsync("""
            using Inngest;

            [InngestEvent("inngestion/file.loaded")]
            public partial class Loaded { }
            """);
    }

    [Fact]
    public async Task INNG003_longer_than_256_characters()
    {
        var name = "app/" + new string('a', 250) + ".bcd"; // 258
        await VerifyAsync($$"""
            using Inngest;

            [InngestEvent({|#0:"{{name}}"|})]
            public partial class Long { }
            """,
            Diagnostic(DiagnosticDescriptors.NameTooLong).WithLocation(0).WithArguments("Long", 258));
    }

    [Fact]
    public async Task INNG003_256_characters_is_fine()
    {
        var name = "app/" + new string('a', 248) + ".bcd"; // 256
        await VerifyAsync($$"""
            using Inngest;

            [InngestEvent("{{name}}")]
            public partial class Long { }
            """);
    }

    [Fact]
    public async Task INNG003_counts_a_constant_interpolation()
    {
        var part = new string('x', 200);
        await VerifyAsync($$"""
            using Inngest;

            public static class Names { public const string Part = "{{part}}"; }

            [InngestEvent({|#0:$"app/{Names.Part}.{Names.Part}"|})]
            public partial class Long { }
            """,
            Diagnostic(DiagnosticDescriptors.NameTooLong).WithLocation(0).WithArguments("Long", 405));
    }

    [Theory]
    [InlineData("App/Account Created", "contains uppercase letters, contains whitespace and has no '.' between object and action", "app/account.created")]
    [InlineData("App/Account.Created", "contains uppercase letters", "app/account.created")]
    [InlineData("app/account created.v2", "contains whitespace", "app/account_created.v2")]
    [InlineData("AccountCreated", "contains uppercase letters and has no '.' between object and action", "account.created")]
    [InlineData("app/AccountCreated", "contains uppercase letters and has no '.' between object and action", "app/account.created")]
    [InlineData("app/account_created", "has no '.' between object and action", "app/account.created")]
    [InlineData("app/account#created!", "contains the characters '#' and '!' outside [a-z0-9._/-] and has no '.' between object and action", "app/account.created")]
    [InlineData("app//account.created", "has two separators in a row and has more than one '/' (only a single prefix/ is conventional)", "app/account.created")]
    [InlineData(".account.created.", "starts with a separator and ends with a separator", "account.created")]
    [InlineData("app/billing/invoice.paid", "has more than one '/' (only a single prefix/ is conventional)", "app/billing.invoice.paid")]
    [InlineData("signup", "has no '.' between object and action", "app/account.created")]
    public async Task INNG004_names_the_problem_and_suggests_a_name(string name, string problem, string suggestion)
    {
        await VerifyAsync($$"""
            using Inngest;

            [InngestEvent({|#0:"{{name}}"|}, Version = "2024-05-15.1")]
            public partial record AccountCreated(string AccountId);
            """,
            Diagnostic(DiagnosticDescriptors.NameConvention).WithLocation(0).WithArguments(name, problem, suggestion));
    }

    [Fact]
    public async Task INNG004_from_a_constant_points_at_the_argument()
    {
        await VerifyAsync("""
            using Inngest;

            public static class Names { public const string Created = "Account.Created"; }

            [InngestEvent({|#0:Names.Created|})]
            public partial record AccountCreated(string AccountId);
            """,
            Diagnostic(DiagnosticDescriptors.NameConvention).WithLocation(0)
                .WithArguments("Account.Created", "contains uppercase letters", "account.created"));
    }

    [Fact]
    public async Task INNG004_is_not_reported_when_a_server_rule_fires()
    {
        var name = "App/" + new string('A', 260);
        await VerifyAsync($$"""
            using Inngest;

            [InngestEvent({|#0:"{{name}}"|})]
            public partial record Long(string Id);

            [InngestEvent({|#1:"Inngest/Some Thing"|})]
            public partial record Reserved(string Id);
            """,
            Diagnostic(DiagnosticDescriptors.NameTooLong).WithLocation(0).WithArguments("Long", 264),
            Diagnostic(DiagnosticDescriptors.ReservedName).WithLocation(1).WithArguments("Inngest/Some Thing"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("v1")]
    [InlineData("2024-05-15")]
    [InlineData("2024-05-15.")]
    [InlineData("2024-02-30.1")]
    [InlineData("2024-13-01.1")]
    [InlineData("2024/05/15.1")]
    [InlineData("2024-05-15.1a")]
    [InlineData(" 2024-05-15.1")]
    public async Task INNG005_version_not_of_the_form_date_dot_counter(string version)
    {
        await VerifyAsync($$"""
            using Inngest;

            [InngestEvent("app/account.created", Version = {|#0:"{{version}}"|})]
            public partial record AccountCreated(string AccountId);
            """,
            Diagnostic(DiagnosticDescriptors.VersionFormat).WithLocation(0).WithArguments(version, "app/account.created"));
    }

    [Theory]
    [InlineData("Version = \"2024-05-15.1\"")]
    [InlineData("Version = \"2024-02-29.12\"")]
    [InlineData("Version = Versions.Current")]
    [InlineData("Version = null")]
    [InlineData("MethodName = \"Created\"")]
    public async Task INNG005_not_reported_for_a_good_or_missing_version(string namedArgument)
    {
        await VerifyAsync($$"""
            using Inngest;

            public static class Versions { public const string Current = "2025-01-31.3"; }

            [InngestEvent("app/account.created", {{namedArgument}})]
            public partial record AccountCreated(string AccountId);
            """);
    }

    [Fact]
    public async Task INNG005_from_a_constant_and_alongside_a_name_problem()
    {
        await VerifyAsync("""
            using Inngest;

            public static class Versions { public const string Current = "1.0"; }

            [InngestEvent({|#0:""|}, Version = {|#1:Versions.Current|})]
            public partial record AccountCreated(string AccountId);
            """,
            Diagnostic(DiagnosticDescriptors.EmptyName).WithLocation(0).WithArguments("AccountCreated"),
            Diagnostic(DiagnosticDescriptors.VersionFormat).WithLocation(1).WithArguments("1.0", ""));
    }
}
