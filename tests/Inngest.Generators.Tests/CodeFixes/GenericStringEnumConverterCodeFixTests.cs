using System.Threading.Tasks;
using Inngest.Generators.CodeFixes;
using Inngest.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using static Inngest.Generators.Tests.Analyzers.AnalyzerTestSupport;

namespace Inngest.Generators.Tests.CodeFixes;

/// <summary>INNG015's fix: the non-generic JsonStringEnumConverter becomes JsonStringEnumConverter&lt;TEnum&gt; wherever it is named.</summary>
public class GenericStringEnumConverterCodeFixTests
{
    private static Task VerifyAsync(string source, string fixedSource, params DiagnosticResult[] expected)
        => CodeFixTestSupport.VerifyAsync<UnsupportedMemberAnalyzer, GenericStringEnumConverterCodeFixProvider>(source, fixedSource, CodeFixTestBehaviors.SkipLocalDiagnosticCheck, expected);

    [Fact]
    public Task On_the_enum() => VerifyAsync(
        """
        using System.Text.Json.Serialization;
        using Inngest;

        [JsonConverter(typeof(JsonStringEnumConverter))]
        public enum {|#0:Plan|} { Free, Pro }

        [InngestEvent("app/account.created")]
        public partial record AccountCreated(string Id, Plan Plan);
        """,
        """
        using System.Text.Json.Serialization;
        using Inngest;

        [JsonConverter(typeof(JsonStringEnumConverter<Plan>))]
        public enum Plan { Free, Pro }

        [InngestEvent("app/account.created")]
        public partial record AccountCreated(string Id, Plan Plan);
        """,
        Diagnostic(DiagnosticDescriptors.ReflectionStringEnumConverter).WithLocation(0).WithArguments("Plan", "Plan"));

    [Fact]
    // Inside the class the property named Plan hides the type, so the fix spells the enum so it still binds: global::Plan.
    public Task On_a_nullable_property_with_a_qualified_name() => VerifyAsync(
        """
        using Inngest;

        public enum Plan { Free, Pro }

        [InngestEvent("app/account.created")]
        public partial class AccountCreated
        {
            [System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))]
            public Plan? {|#0:Plan|} { get; set; }
        }
        """,
        """
        using Inngest;

        public enum Plan { Free, Pro }

        [InngestEvent("app/account.created")]
        public partial class AccountCreated
        {
            [System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<global::Plan>))]
            public Plan? Plan { get; set; }
        }
        """,
        Diagnostic(DiagnosticDescriptors.ReflectionStringEnumConverter).WithLocation(0).WithArguments("AccountCreated.Plan", "Plan"));

    [Fact]
    public Task On_a_positional_record_parameter() => VerifyAsync(
        """
        using System.Text.Json.Serialization;
        using Inngest;

        namespace Billing
        {
            public enum Plan { Free, Pro }
        }

        [InngestEvent("app/account.created")]
        public partial record AccountCreated(string Id, [property: JsonConverter(typeof(JsonStringEnumConverter))] Billing.Plan {|#0:Plan|});
        """,
        """
        using System.Text.Json.Serialization;
        using Inngest;

        namespace Billing
        {
            public enum Plan { Free, Pro }
        }

        [InngestEvent("app/account.created")]
        public partial record AccountCreated(string Id, [property: JsonConverter(typeof(JsonStringEnumConverter<Billing.Plan>))] Billing.Plan Plan);
        """,
        Diagnostic(DiagnosticDescriptors.ReflectionStringEnumConverter).WithLocation(0).WithArguments("AccountCreated.Plan", "Billing.Plan"));
}
