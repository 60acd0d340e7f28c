using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using static Inngest.Generators.Tests.Analyzers.AnalyzerTestSupport;
using Verify = Inngest.Generators.Tests.Analyzers.AnalyzerTestSupport;

namespace Inngest.Generators.Tests.Analyzers;

public class EventTypeShapeAnalyzerTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAsync<Inngest.Generators.Diagnostics.EventTypeShapeAnalyzer>(source, expected);

    [Fact]
    public async Task Partial_public_and_internal_types_report_nothing()
    {
        await VerifyAsync("""
            using Inngest;

            [InngestEvent("app/a.created")]
            public sealed partial record A(string Id);

            [InngestEvent("app/b.created")]
            internal partial record struct B(int Id);

            [InngestEvent("app/c.created")]
            public partial class C { }

            [InngestEvent("app/d.created")]
            partial struct D { }

            public static partial class Outer
            {
                [InngestEvent("app/e.created")]
                public partial record E(string Id);

                internal partial class Middle
                {
                    [InngestEvent("app/f.created")]
                    protected internal partial record F(string Id);
                }
            }

            // Not events: no rules apply.
            public record NotPartial(string Id);
            public class Generic<T> { private class Hidden { } }
            """);
    }

    [Fact]
    public async Task INNG008_type_not_partial()
    {
        await VerifyAsync("""
            using Inngest;

            [InngestEvent("app/a.created")]
            public sealed record {|#0:A|}(string Id);

            [InngestEvent("app/b.created")]
            public struct {|#1:B|} { }
            """,
            Diagnostic(DiagnosticDescriptors.NotPartial).WithLocation(0).WithArguments("A", "'A'"),
            Diagnostic(DiagnosticDescriptors.NotPartial).WithLocation(1).WithArguments("B", "'B'"));
    }

    [Fact]
    public async Task INNG008_containing_types_not_partial()
    {
        await VerifyAsync("""
            using Inngest;

            public static class Outer
            {
                [InngestEvent("app/a.created")]
                public partial record {|#0:A|}(string Id);

                public partial class Middle
                {
                    public class Inner
                    {
                        [InngestEvent("app/b.created")]
                        public record {|#1:B|}(string Id);
                    }
                }
            }
            """,
            Diagnostic(DiagnosticDescriptors.NotPartial).WithLocation(0).WithArguments("Outer.A", "'Outer'"),
            Diagnostic(DiagnosticDescriptors.NotPartial).WithLocation(1).WithArguments("Outer.Middle.Inner.B", "'Outer.Middle.Inner.B', 'Outer.Middle.Inner' and 'Outer'"));
    }

    [Fact]
    public async Task INNG008_points_at_the_declaration_with_the_attribute()
    {
        // Partial on one declaration is enough; the diagnostic names the containing type.
        await VerifyAsync("""
            using Inngest;

            public class Outer
            {
                public partial record A { public string? Id { get; init; } }

                [InngestEvent("app/a.created")]
                public partial record {|#0:A|};
            }
            """,
            Diagnostic(DiagnosticDescriptors.NotPartial).WithLocation(0).WithArguments("Outer.A", "'Outer'"));
    }

    [Fact]
    public async Task INNG009_generic_or_nested_in_generic()
    {
        await VerifyAsync("""
            using Inngest;

            [InngestEvent("app/box.created")]
            public partial record {|#0:Box|}<T>(T Value);

            public partial class Outer<T>
            {
                [InngestEvent("app/inner.created")]
                public partial record {|#1:Inner|}(string Id);
            }
            """,
            Diagnostic(DiagnosticDescriptors.GenericType).WithLocation(0).WithArguments("Box<T>"),
            Diagnostic(DiagnosticDescriptors.GenericType).WithLocation(1).WithArguments("Outer<T>.Inner"));
    }

    [Fact]
    public async Task INNG010_private_protected_and_private_protected()
    {
        await VerifyAsync("""
            using Inngest;

            public partial class Outer
            {
                [InngestEvent("app/a.created")]
                private partial record {|#0:A|}(string Id);

                [InngestEvent("app/b.created")]
                protected partial record {|#1:B|}(string Id);

                [InngestEvent("app/c.created")]
                private protected partial record {|#2:C|}(string Id);

                [InngestEvent("app/d.created")]
                partial record {|#3:D|}(string Id);

                private partial class Hidden
                {
                    [InngestEvent("app/e.created")]
                    public partial record {|#4:E|}(string Id);
                }
            }
            """,
            Diagnostic(DiagnosticDescriptors.InaccessibleType).WithLocation(0).WithArguments("Outer.A", "private"),
            Diagnostic(DiagnosticDescriptors.InaccessibleType).WithLocation(1).WithArguments("Outer.B", "protected"),
            Diagnostic(DiagnosticDescriptors.InaccessibleType).WithLocation(2).WithArguments("Outer.C", "private protected"),
            Diagnostic(DiagnosticDescriptors.InaccessibleType).WithLocation(3).WithArguments("Outer.D", "private"),
            Diagnostic(DiagnosticDescriptors.InaccessibleType).WithLocation(4).WithArguments("Outer.Hidden.E", "nested in the private type 'Outer.Hidden'"));
    }

    [Fact]
    public async Task INNG010_file_local()
    {
        await VerifyAsync("""
            using Inngest;

            [InngestEvent("app/a.created")]
            file partial record {|#0:A|}(string Id);

            file partial class Scope
            {
                [InngestEvent("app/b.created")]
                public partial record {|#1:B|}(string Id);
            }
            """,
            Diagnostic(DiagnosticDescriptors.InaccessibleType).WithLocation(0).WithArguments("A", "file-local"),
            Diagnostic(DiagnosticDescriptors.InaccessibleType).WithLocation(1).WithArguments("Scope.B", "nested in the file-local type 'Scope'"));
    }

    [Theory]
    [InlineData("Account Created")]
    [InlineData("Account-Created")]
    [InlineData("1Account")]
    [InlineData("class")]
    [InlineData("Account.Created")]
    public async Task INNG012_method_name_not_an_identifier(string methodName)
    {
        await VerifyAsync($$"""
            using Inngest;

            [InngestEvent("app/account.created", MethodName = {|#0:"{{methodName}}"|})]
            public partial record AccountCreated(string Id);
            """,
            Diagnostic(DiagnosticDescriptors.InvalidMethodName).WithLocation(0).WithArguments(methodName, "AccountCreated"));
    }

    [Fact]
    public async Task INNG012_from_a_constant_and_from_a_keyword_type_name()
    {
        await VerifyAsync("""
            using Inngest;

            public static class Names { public const string Method = "Bad Name"; }

            [InngestEvent("app/account.created", MethodName = {|#0:Names.Method|})]
            public partial record AccountCreated(string Id);

            // The default method name comes from the type name: "event" is a keyword.
            [InngestEvent("app/thing.happened")]
            public partial record {|#1:@event|}(string Id);
            """,
            Diagnostic(DiagnosticDescriptors.InvalidMethodName).WithLocation(0).WithArguments("Bad Name", "AccountCreated"),
            Diagnostic(DiagnosticDescriptors.InvalidMethodName).WithLocation(1).WithArguments("event", "event"));
    }

    [Theory]
    [InlineData("MethodName = \"Created\"")]
    [InlineData("MethodName = \"_created2\"")]
    [InlineData("MethodName = \"\"")]
    [InlineData("MethodName = \"  \"")]
    [InlineData("MethodName = null")]
    [InlineData("Version = \"2024-05-15.1\"")]
    public async Task INNG012_not_reported_for_a_valid_or_default_method_name(string namedArgument)
    {
        await VerifyAsync($$"""
            using Inngest;

            [InngestEvent("app/account.created", {{namedArgument}})]
            public partial record AccountCreatedEvent(string Id);
            """);
    }

    [Fact]
    public async Task Several_rules_fire_together()
    {
        await VerifyAsync("""
            using Inngest;

            public class Outer<T>
            {
                [InngestEvent("app/a.created", MethodName = {|#1:"A B"|})]
                private record {|#0:A|}(string Id);
            }
            """,
            Diagnostic(DiagnosticDescriptors.NotPartial).WithLocation(0).WithArguments("Outer<T>.A", "'Outer<T>.A' and 'Outer<T>'"),
            Diagnostic(DiagnosticDescriptors.GenericType).WithLocation(0).WithArguments("Outer<T>.A"),
            Diagnostic(DiagnosticDescriptors.InaccessibleType).WithLocation(0).WithArguments("Outer<T>.A", "private"),
            Diagnostic(DiagnosticDescriptors.InvalidMethodName).WithLocation(1).WithArguments("A B", "Outer<T>.A"));
    }
}
