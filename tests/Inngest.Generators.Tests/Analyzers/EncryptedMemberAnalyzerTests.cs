using System.Threading.Tasks;
using Inngest.Generators.Diagnostics;
using static Inngest.Generators.Tests.Analyzers.AnalyzerTestSupport;

namespace Inngest.Generators.Tests.Analyzers;

/// <summary>
/// INNG025 (the mark is not on a top-level member of an event's data), INNG026 (its JSON name is not the configured
/// encryption field) and INNG029 (a mark that cannot apply: twice in one event, on a member that is not written, on a
/// parameter that declares no member); the declarations the middleware can encrypt report nothing.
/// </summary>
public sealed class EncryptedMemberAnalyzerTests
{
    private const string PersonalData = """
        public sealed record PersonalData(string Email, string Name);
        """;

    [Fact]
    public Task A_positional_parameter_named_like_the_default_field_reports_nothing() =>
        VerifyAsync<EncryptedMemberAnalyzer>($$"""
            using Inngest;
            namespace App;
            [InngestEvent("app/user.signed-up")]
            public sealed partial record SignedUp(string Plan, [InngestEncrypted] PersonalData Encrypted);
            {{PersonalData}}
            """);

    [Fact]
    public Task A_property_renamed_to_the_field_and_a_marked_base_member_report_nothing() =>
        VerifyAsync<EncryptedMemberAnalyzer>($$"""
            using System.Text.Json.Serialization;
            using Inngest;
            namespace App;
            [InngestEvent("app/user.signed-up")]
            public sealed partial class SignedUp
            {
                public string Plan { get; init; } = "";

                [InngestEncrypted, JsonPropertyName("encrypted")]
                public PersonalData? Pii { get; init; }
            }

            public abstract record WithPersonalData
            {
                [InngestEncrypted]
                public PersonalData? Encrypted { get; init; }
            }

            [InngestEvent("app/user.updated")]
            public sealed partial record Updated(string Plan) : WithPersonalData;
            {{PersonalData}}
            """);

    [Fact]
    public Task A_member_written_under_another_name_is_INNG026() =>
        VerifyAsync<EncryptedMemberAnalyzer>($$"""
            using Inngest;
            namespace App;
            [InngestEvent("app/user.signed-up")]
            public sealed partial record SignedUp(string Plan, [{|#0:InngestEncrypted|}] PersonalData Pii);
            {{PersonalData}}
            """,
            Diagnostic(DiagnosticDescriptors.EncryptedMemberNotConfiguredField).WithLocation(0).WithArguments("App.SignedUp", "Pii", "pii", "encrypted"));

    [Fact]
    public Task The_MSBuild_property_names_the_configured_field() =>
        VerifyWithBuildPropertiesAsync<EncryptedMemberAnalyzer>(
            new[]
            {
                $$"""
                using Inngest;
                namespace App;
                [InngestEvent("app/user.signed-up")]
                public sealed partial record SignedUp(string Plan, [InngestEncrypted] PersonalData Pii);

                [InngestEvent("app/user.updated")]
                public sealed partial record Updated(string Plan, [{|#0:InngestEncrypted|}] PersonalData Encrypted);
                {{PersonalData}}
                """,
            },
            new[] { ("InngestEncryptionField", "pii") },
            Diagnostic(DiagnosticDescriptors.EncryptedMemberNotConfiguredField).WithLocation(0).WithArguments("App.Updated", "Encrypted", "encrypted", "pii"));

    [Fact]
    public Task A_mark_inside_a_nested_payload_type_is_INNG025() =>
        VerifyAsync<EncryptedMemberAnalyzer>("""
            using Inngest;
            namespace App;
            [InngestEvent("app/user.signed-up")]
            public sealed partial record SignedUp(string Plan, Contact Contact);

            public sealed record Contact(string Country, [{|#0:InngestEncrypted|}] string Email);

            public sealed class Address
            {
                [{|#1:InngestEncrypted|}]
                public string? Street { get; set; }
            }
            """,
            Diagnostic(DiagnosticDescriptors.EncryptedMemberNotTopLevel).WithLocation(0).WithArguments("App.Contact", "Email"),
            Diagnostic(DiagnosticDescriptors.EncryptedMemberNotTopLevel).WithLocation(1).WithArguments("App.Address", "Street"));

    [Fact]
    public Task A_second_mark_in_one_event_is_INNG029() =>
        VerifyAsync<EncryptedMemberAnalyzer>($$"""
            using Inngest;
            namespace App;
            [InngestEvent("app/user.signed-up")]
            public sealed partial record SignedUp([InngestEncrypted] PersonalData Encrypted, [{|#0:InngestEncrypted|}] string Phone);
            {{PersonalData}}
            """,
            Diagnostic(DiagnosticDescriptors.EncryptedMemberMisused).WithLocation(0).WithArguments("App.SignedUp", "Phone",
                "'Encrypted' is marked too, and the encryption middleware encrypts one field of data, so this value would be sent in plaintext: put both values in one record and mark the member that holds it"));

    [Fact]
    public Task A_mark_on_a_member_that_is_never_written_is_INNG029() =>
        VerifyAsync<EncryptedMemberAnalyzer>($$"""
            using System.Text.Json.Serialization;
            using Inngest;
            namespace App;
            [InngestEvent("app/user.signed-up")]
            public sealed partial class SignedUp
            {
                public string Plan { get; init; } = "";

                [{|#0:InngestEncrypted|}, JsonIgnore]
                public PersonalData? Encrypted { get; init; }

                [{|#1:InngestEncrypted|}]
                public PersonalData? Unsent;
            }
            {{PersonalData}}
            """,
            Diagnostic(DiagnosticDescriptors.EncryptedMemberMisused).WithLocation(0).WithArguments("App.SignedUp", "Encrypted", NotWritten),
            Diagnostic(DiagnosticDescriptors.EncryptedMemberMisused).WithLocation(1).WithArguments("App.SignedUp", "Unsent", NotWritten));

    [Fact]
    public Task A_mark_on_a_parameter_that_declares_no_member_is_INNG029() =>
        VerifyAsync<EncryptedMemberAnalyzer>("""
            using Inngest;
            namespace App;
            public static class Factory
            {
                public static string Make([{|#0:InngestEncrypted|}] string email) => email;
            }
            """,
            Diagnostic(DiagnosticDescriptors.EncryptedMemberMisused).WithLocation(0).WithArguments("App.Factory", "email",
                "it is a parameter that declares no member of data (only a positional record's parameters do): mark the property or field that is sent"));

    private const string NotWritten =
        "it is not written into data (ignored, write-only, or a field without [JsonInclude]), so there is nothing to encrypt: remove the mark, or mark the member that is sent";
}
