using Microsoft.CodeAnalysis;

namespace Inngest.Generators.Diagnostics;

/// <summary>
/// Every diagnostic Inngest.Typed reports. Only analyzers report them; the generator stays silent
/// and skips what they flag. Tracked in AnalyzerReleases.Unshipped.md, documented in docs/diagnostics.md.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "Inngest";
    private const string HelpBase = "https://github.com/inngest-typed/Inngest.Typed/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor EmptyName = Create(
        "INNG001", DiagnosticSeverity.Error,
        "Inngest event name is empty",
        "The event name of '{0}' is empty: give it a name such as \"app/account.created\"");

    public static readonly DiagnosticDescriptor ReservedName = Create(
        "INNG002", DiagnosticSeverity.Error,
        "Inngest event name uses the reserved 'inngest/' prefix",
        "The event name \"{0}\" starts with \"inngest/\", which Inngest reserves for its own events: use a prefix of your own, such as \"app/\", or set ReceiveOnly = true to receive Inngest's own event (it is then never sent)");

    public static readonly DiagnosticDescriptor NameTooLong = Create(
        "INNG003", DiagnosticSeverity.Error,
        "Inngest event name is too long",
        "The event name of '{0}' is {1} characters long; Inngest accepts at most 256: shorten it");

    public static readonly DiagnosticDescriptor NameConvention = Create(
        "INNG004", DiagnosticSeverity.Warning,
        "Inngest event name does not follow the naming convention",
        "The event name \"{0}\" {1}: use lowercase dot notation with an optional prefix, such as \"{2}\"");

    public static readonly DiagnosticDescriptor VersionFormat = Create(
        "INNG005", DiagnosticSeverity.Warning,
        "Inngest event version is not of the form YYYY-MM-DD.N",
        "The version \"{0}\" of event \"{1}\" is not of the form YYYY-MM-DD.N: use a date and a counter, such as \"2024-05-15.1\", or remove Version");

    public static readonly DiagnosticDescriptor DuplicateEvent = Create(
        "INNG006", DiagnosticSeverity.Error,
        "Two types declare the same Inngest event name and version",
        "'{0}' declares the event \"{1}\" {2}, which '{3}' declares too: give one of them another name or Version",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor MethodNameCollision = Create(
        "INNG007", DiagnosticSeverity.Error,
        "Two Inngest event types would generate the same send method",
        "'{0}' would generate Send{1}Async, as '{2}' does: set MethodName on one of them",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor NotPartial = Create(
        "INNG008", DiagnosticSeverity.Error,
        "Inngest event type is not partial",
        "'{0}' must be partial so the generator can add its event members: add the 'partial' modifier to {1}");

    public static readonly DiagnosticDescriptor GenericType = Create(
        "INNG009", DiagnosticSeverity.Error,
        "Inngest event type is generic",
        "'{0}' is generic or nested in a generic type: an event's shape must be fixed at compile time, so declare a non-generic type for each event");

    public static readonly DiagnosticDescriptor InaccessibleType = Create(
        "INNG010", DiagnosticSeverity.Error,
        "Inngest event type is not accessible",
        "'{0}' is {1}: make it and the types containing it public or internal so the generated send method can reach it");

    public static readonly DiagnosticDescriptor UnsupportedMember = Create(
        "INNG011", DiagnosticSeverity.Warning,
        "Inngest event payload member has a type the generator cannot describe",
        "'{0}.{1}' has the type '{2}', which the generator cannot describe ({3}): it is resolved at run time through InngestClientOptions.JsonTypeInfoResolver, so add a JsonSerializerContext that covers '{2}' there, or change the member's type");

    public static readonly DiagnosticDescriptor InvalidMethodName = Create(
        "INNG012", DiagnosticSeverity.Error,
        "Inngest event MethodName is not a valid identifier",
        "MethodName \"{0}\" of '{1}' is not a valid C# identifier: use letters, digits and underscores, such as \"AccountCreated\"");

    public static readonly DiagnosticDescriptor PayloadNotAnObject = Create(
        "INNG013", DiagnosticSeverity.Error,
        "Inngest event type is not written as a JSON object",
        "'{0}' cannot be an event payload: {1}, but an event's data must be a JSON object; wrap the value in a record, for example 'record {2}(IReadOnlyList<...> Items)'");

    public static readonly DiagnosticDescriptor UnreachableJsonInclude = Create(
        "INNG014", DiagnosticSeverity.Warning,
        "[JsonInclude] member is not accessible to generated code",
        "'{0}.{1}' has [JsonInclude], but its {2} is {3}, so the generated metadata cannot use it: {4}, as with System.Text.Json's generator (SYSLIB1038); make the {2} public or internal");

    public static readonly DiagnosticDescriptor ReflectionStringEnumConverter = Create(
        "INNG015", DiagnosticSeverity.Warning,
        "Use the generic JsonStringEnumConverter<TEnum>",
        "[JsonConverter(typeof(JsonStringEnumConverter))] on '{0}' is not compatible with Native AOT (IL3050: the attribute roots a constructor that needs run-time code generation): use typeof(JsonStringEnumConverter<{1}>), which writes the same");

    public static readonly DiagnosticDescriptor ConverterNotCreatable = Create(
        "INNG016", DiagnosticSeverity.Warning,
        "[JsonConverter] on a payload member cannot be created by generated code",
        "'{0}.{1}' names the converter '{2}', which generated code cannot create (the type or its parameterless constructor is not accessible from this assembly): the member is written without it, as System.Text.Json's source generator does (SYSLIB1220), while reflection would use it; make the converter public with a public parameterless constructor, or describe '{0}' with a JsonSerializerContext of your own in InngestClientOptions.JsonTypeInfoResolver");

    public static readonly DiagnosticDescriptor VersionChainBroken = Create(
        "INNG017", DiagnosticSeverity.Error,
        "Inngest event version chain has a gap or a fork",
        "'{0}' upgrades from '{1}', but {2}: each version of \"{3}\" must upgrade from the version just before it, one step at a time",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor SeveralLatestVersions = Create(
        "INNG018", DiagnosticSeverity.Warning,
        "Several records claim to be the latest version of one Inngest event",
        "'{0}' and '{1}' both declare \"{2}\" and neither upgrades to the other, so both are the latest version and Parse<T> of one cannot read the other's events: make the newer one implement IInngestEventUpgrade<Newer, Older>",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor InvalidUpgradeSource = Create(
        "INNG019", DiagnosticSeverity.Error,
        "Inngest event upgrades from a type that is not an earlier version of the same event",
        "'{0}' declares IInngestEventUpgrade<{1}, {2}>, but {3}: an upgrade must come from an earlier Version of the same event name, to the declaring type itself");

    public static readonly DiagnosticDescriptor IdUnknownMember = Create(
        "INNG020", DiagnosticSeverity.Error,
        "Id template names a member the event type does not have",
        "The Id template of '{0}' names '{1}', which is not a readable property or field of '{0}': use one of its members{2}");

    public static readonly DiagnosticDescriptor IdNotScalar = Create(
        "INNG021", DiagnosticSeverity.Error,
        "Id template member is not a scalar",
        "'{0}.{1}' in the Id template is a '{2}', which has no single text form: use a member that is a string, char, bool, number, enum, Guid or date/time");

    public static readonly DiagnosticDescriptor IdNullableWithoutFallback = Create(
        "INNG022", DiagnosticSeverity.Error,
        "Id template member may be null and has no fallback",
        "'{0}.{1}' in the Id template may be null: give the text to use then, as '{{{1}??none}}', or make the member non-nullable");

    public static readonly DiagnosticDescriptor IdWithoutEventIdentity = Create(
        "INNG023", DiagnosticSeverity.Warning,
        "Id template does not say which event it belongs to",
        "The Id template \"{0}\" of '{1}' has no part of the event name \"{2}\" in its text, but Inngest deduplicates ids across all event names for 24 hours, so another event with the same values would be dropped: prefix it, for example with \"{2}:\"");

    public static readonly DiagnosticDescriptor IdMalformed = Create(
        "INNG024", DiagnosticSeverity.Error,
        "Id template is malformed",
        "The Id template \"{0}\" of '{1}' is malformed: {2}");

    public static readonly DiagnosticDescriptor EncryptedMemberNotTopLevel = Create(
        "INNG025", DiagnosticSeverity.Warning,
        "[InngestEncrypted] member is not a top-level member of an event's data",
        "'{0}.{1}' is marked [InngestEncrypted], but '{0}' is not an [InngestEvent] type or a base of one, so '{1}' is never a top-level field of an event's data and the mark encrypts nothing: only one top-level field of data is encrypted, so mark the event's member that holds this value instead",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor EncryptedMemberNotConfiguredField = Create(
        "INNG026", DiagnosticSeverity.Warning,
        "[InngestEncrypted] member's JSON name is not the configured encryption field",
        "'{0}.{1}' is marked [InngestEncrypted] and written as \"{2}\", but the encryption field is \"{3}\", the only field the encryption middleware encrypts, so sending '{0}' fails: name it [JsonPropertyName(\"{3}\")], or, when the functions' middleware uses eventEncryptionField \"{2}\", set the MSBuild property InngestEncryptionField to \"{2}\" and InngestEncryptionOptions.FieldName to the same");

    public static readonly DiagnosticDescriptor UnusableJsonConstructor = Create(
        "INNG027", DiagnosticSeverity.Warning,
        "[JsonConstructor] cannot be used by generated code",
        "'{0}' marks {1} with [JsonConstructor], {2}: the event is written, but reading it back throws NotSupportedException (System.Text.Json's generator reports {3} and does the same); {4}");

    public static readonly DiagnosticDescriptor InvalidExtensionData = Create(
        "INNG028", DiagnosticSeverity.Error,
        "[JsonExtensionData] member is not valid",
        "'{0}.{1}' has [JsonExtensionData], but {2}; System.Text.Json throws InvalidOperationException for the type, so the event can never be sent (its generator reports {3})");

    public static readonly DiagnosticDescriptor EncryptedMemberMisused = Create(
        "INNG029", DiagnosticSeverity.Error,
        "[InngestEncrypted] cannot apply here",
        "'{0}.{1}' is marked [InngestEncrypted], but {2}");

    // INNG006 and INNG007 compare types across the compilation, so they are reported at compilation end (RS1037).
    private static DiagnosticDescriptor Create(string id, DiagnosticSeverity severity, string title, string message, params string[] customTags)
        => new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant(), customTags: customTags);
}
