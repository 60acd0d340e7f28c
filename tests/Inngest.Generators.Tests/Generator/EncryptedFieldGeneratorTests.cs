using System.Linq;
using Microsoft.CodeAnalysis;

namespace Inngest.Generators.Tests.Generator;

/// <summary>
/// What the generator declares as an event's encrypted field (<c>IInngestEventData&lt;T&gt;.EncryptedField</c>): the
/// JSON name of the member marked <c>[InngestEncrypted]</c>, wherever the mark is written, and nothing without a mark.
/// </summary>
public sealed class EncryptedFieldGeneratorTests
{
    private static string? DeclaredField(System.Collections.Generic.IReadOnlyDictionary<string, string> sources, string type)
    {
        var file = sources["Sample.Events." + type + ".InngestEvent.g.cs"];
        const string Marker = ".EncryptedField => \"";
        var at = file.IndexOf(Marker, System.StringComparison.Ordinal);
        return at < 0 ? null : file.Substring(at + Marker.Length, file.IndexOf('"', at + Marker.Length) - at - Marker.Length);
    }

    [Fact]
    public void The_marked_members_JSON_name_is_declared_wherever_the_mark_is_written()
    {
        var (output, _, sources) = GeneratorHarness.Run(GeneratorHarness.Compilation("""
            using System.Text.Json.Serialization;
            using Inngest;
            namespace Sample.Events;
            public sealed record Contact(string Email);
            [InngestEvent("app/a.positional")] public sealed partial record Positional(string Plan, [InngestEncrypted] Contact Encrypted);
            [InngestEvent("app/a.targeted")] public sealed partial record Targeted(string Plan, [property: InngestEncrypted] Contact Encrypted);
            [InngestEvent("app/a.renamed")] public sealed partial record Renamed([property: JsonPropertyName("pii")][InngestEncrypted] Contact Contact);
            [InngestEvent("app/a.property")] public sealed partial class OnProperty { [InngestEncrypted] public Contact? Secret { get; init; } }
            public abstract record WithContact { [InngestEncrypted] public Contact? Encrypted { get; init; } }
            [InngestEvent("app/a.inherited")] public sealed partial record Inherited(string Plan) : WithContact;
            [InngestEvent("app/a.plain")] public sealed partial record Plain(string Plan, Contact Encrypted);
            [InngestEvent("app/a.ignored")] public sealed partial class Ignored { [InngestEncrypted, JsonIgnore] public Contact? Encrypted { get; init; } }
            """));

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal("encrypted", DeclaredField(sources, "Positional"));
        Assert.Equal("encrypted", DeclaredField(sources, "Targeted"));
        Assert.Equal("pii", DeclaredField(sources, "Renamed"));
        Assert.Equal("secret", DeclaredField(sources, "OnProperty"));
        Assert.Equal("encrypted", DeclaredField(sources, "Inherited"));
        Assert.Null(DeclaredField(sources, "Plain"));
        // Never written, so there is nothing to encrypt (INNG029 says so): no declaration that would block every send.
        Assert.Null(DeclaredField(sources, "Ignored"));
    }

    [Fact]
    public void A_mark_on_a_referenced_records_positional_parameter_is_read_from_metadata()
    {
        var library = GeneratorHarness.Compilation("""
            using Inngest;
            namespace Shared.Contracts;
            public sealed record Contact(string Email);
            public abstract record WithContact([InngestEncrypted] Contact Encrypted);
            """, assemblyName: "Shared.Contracts");
        using var stream = new System.IO.MemoryStream();
        Assert.True(library.Emit(stream).Success);
        var reference = MetadataReference.CreateFromImage(stream.ToArray());

        var (output, _, sources) = GeneratorHarness.Run(GeneratorHarness.Compilation("""
            using Inngest;
            using Shared.Contracts;
            namespace Sample.Events;
            [InngestEvent("app/a.derived")]
            public sealed partial record Derived : WithContact
            {
                public Derived(Contact encrypted, string plan) : base(encrypted) => Plan = plan;
                public string Plan { get; init; }
            }
            """, GeneratorHarness.Net80.Append(reference)));

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal("encrypted", DeclaredField(sources, "Derived"));
    }
}
