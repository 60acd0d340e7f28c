using System.Threading.Tasks;
using Inngest.Generators.CodeFixes;
using Inngest.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using static Inngest.Generators.Tests.Analyzers.AnalyzerTestSupport;

namespace Inngest.Generators.Tests.CodeFixes;

/// <summary>INNG026's fix: the marked member is written under the configured field, its C# name unchanged.</summary>
public class EncryptionFieldNameCodeFixTests
{
    private static Task VerifyAsync(string source, string fixedSource, params DiagnosticResult[] expected)
        => CodeFixTestSupport.VerifyAsync<EncryptedMemberAnalyzer, EncryptionFieldNameCodeFixProvider>(source, fixedSource, expected);

    [Fact]
    public Task On_a_positional_parameter_without_the_namespace_imported() => VerifyAsync(
        """
        using Inngest;

        [InngestEvent("app/user.signed-up")]
        public partial record SignedUp(string Plan, [{|#0:InngestEncrypted|}] Contact Pii);
        public sealed record Contact(string Email);
        """,
        """
        using Inngest;

        [InngestEvent("app/user.signed-up")]
        public partial record SignedUp(string Plan, [property: System.Text.Json.Serialization.JsonPropertyName("encrypted")][InngestEncrypted] Contact Pii);
        public sealed record Contact(string Email);
        """,
        Diagnostic(DiagnosticDescriptors.EncryptedMemberNotConfiguredField).WithLocation(0).WithArguments("SignedUp", "Pii", "pii", "encrypted"));

    [Fact]
    public Task On_a_property_beside_the_mark() => VerifyAsync(
        """
        using System.Text.Json.Serialization;
        using Inngest;

        [InngestEvent("app/user.signed-up")]
        public partial class SignedUp
        {
            [{|#0:InngestEncrypted|}]
            public Contact? Personal { get; init; }
        }
        public sealed record Contact(string Email);
        """,
        """
        using System.Text.Json.Serialization;
        using Inngest;

        [InngestEvent("app/user.signed-up")]
        public partial class SignedUp
        {
            [InngestEncrypted, JsonPropertyName("encrypted")]
            public Contact? Personal { get; init; }
        }
        public sealed record Contact(string Email);
        """,
        Diagnostic(DiagnosticDescriptors.EncryptedMemberNotConfiguredField).WithLocation(0).WithArguments("SignedUp", "Personal", "personal", "encrypted"));

    [Fact]
    public Task An_existing_JsonPropertyName_gets_the_field() => VerifyAsync(
        """
        using System.Text.Json.Serialization;
        using Inngest;

        [InngestEvent("app/user.signed-up")]
        public partial record SignedUp(string Plan, [property: JsonPropertyName("contact")][{|#0:InngestEncrypted|}] Contact Contact);
        public sealed record Contact(string Email);
        """,
        """
        using System.Text.Json.Serialization;
        using Inngest;

        [InngestEvent("app/user.signed-up")]
        public partial record SignedUp(string Plan, [property: JsonPropertyName("encrypted")][InngestEncrypted] Contact Contact);
        public sealed record Contact(string Email);
        """,
        Diagnostic(DiagnosticDescriptors.EncryptedMemberNotConfiguredField).WithLocation(0).WithArguments("SignedUp", "Contact", "contact", "encrypted"));
}
