using System.Threading.Tasks;
using Inngest.Generators.Diagnostics;
using Inngest.Generators.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using static Inngest.Generators.Tests.Analyzers.AnalyzerTestSupport;

namespace Inngest.Generators.Tests.CodeFixes;

public class MakePartialCodeFixTests
{
    private static Task VerifyAsync(string source, string fixedSource, params DiagnosticResult[] expected)
        => CodeFixTestSupport.VerifyAsync<EventTypeShapeAnalyzer, MakePartialCodeFixProvider>(source, fixedSource, expected);

    [Fact]
    public async Task Adds_partial_after_the_other_modifiers()
    {
        await VerifyAsync(
            """
            using Inngest;

            /// <summary>Docs stay.</summary>
            [InngestEvent("app/account.created")]
            public sealed record {|#0:AccountCreated|}(string Id); // trailing comment stays
            """,
            """
            using Inngest;

            /// <summary>Docs stay.</summary>
            [InngestEvent("app/account.created")]
            public sealed partial record AccountCreated(string Id); // trailing comment stays
            """,
            Diagnostic(DiagnosticDescriptors.NotPartial).WithLocation(0).WithArguments("AccountCreated", "'AccountCreated'"));
    }

    [Fact]
    public async Task Adds_partial_to_a_declaration_without_modifiers()
    {
        await VerifyAsync(
            """
            using Inngest;

            namespace App
            {
                [InngestEvent("app/a.created")]
                record struct {|#0:A|}(int Id);

                [InngestEvent("app/b.created")]
                class {|#1:B|} { }

                // comment before the keyword
                [InngestEvent("app/c.created")] struct {|#2:C|} { }
            }
            """,
            """
            using Inngest;

            namespace App
            {
                [InngestEvent("app/a.created")]
                partial record struct A(int Id);

                [InngestEvent("app/b.created")]
                partial class B { }

                // comment before the keyword
                [InngestEvent("app/c.created")] partial struct C { }
            }
            """,
            Diagnostic(DiagnosticDescriptors.NotPartial).WithLocation(0).WithArguments("A", "'A'"),
            Diagnostic(DiagnosticDescriptors.NotPartial).WithLocation(1).WithArguments("B", "'B'"),
            Diagnostic(DiagnosticDescriptors.NotPartial).WithLocation(2).WithArguments("C", "'C'"));
    }

    [Fact]
    public async Task Adds_partial_to_every_containing_type_that_lacks_it()
    {
        await VerifyAsync(
            """
            using Inngest;

            public static class Outer
            {
                public partial class Middle
                {
                    internal class Inner
                    {
                        [InngestEvent("app/a.created")]
                        public record {|#0:A|}(string Id);
                    }
                }
            }
            """,
            """
            using Inngest;

            public static partial class Outer
            {
                public partial class Middle
                {
                    internal partial class Inner
                    {
                        [InngestEvent("app/a.created")]
                        public partial record A(string Id);
                    }
                }
            }
            """,
            Diagnostic(DiagnosticDescriptors.NotPartial).WithLocation(0).WithArguments("Outer.Middle.Inner.A", "'Outer.Middle.Inner.A', 'Outer.Middle.Inner' and 'Outer'"));
    }

    [Fact]
    public async Task Fix_all_handles_events_sharing_a_container()
    {
        await VerifyAsync(
            """
            using Inngest;

            public class Events
            {
                [InngestEvent("app/a.created")]
                public partial record {|#0:A|}(string Id);

                [InngestEvent("app/b.created")]
                public record {|#1:B|}(string Id);
            }

            [InngestEvent("app/c.created")]
            internal class {|#2:C|} { }
            """,
            """
            using Inngest;

            public partial class Events
            {
                [InngestEvent("app/a.created")]
                public partial record A(string Id);

                [InngestEvent("app/b.created")]
                public partial record B(string Id);
            }

            [InngestEvent("app/c.created")]
            internal partial class C { }
            """,
            Diagnostic(DiagnosticDescriptors.NotPartial).WithLocation(0).WithArguments("Events.A", "'Events'"),
            Diagnostic(DiagnosticDescriptors.NotPartial).WithLocation(1).WithArguments("Events.B", "'Events.B' and 'Events'"),
            Diagnostic(DiagnosticDescriptors.NotPartial).WithLocation(2).WithArguments("C", "'C'"));
    }
}
