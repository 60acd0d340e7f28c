namespace Inngest.Generators.Model;

/// <summary>Everything the emitter needs for one <c>[InngestEvent]</c> type. Strings, bools, enums and equatable arrays only.</summary>
internal sealed record EventModel
{
    /// <summary>The namespace, empty for the global namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The types that contain the event type, outermost first.</summary>
    public required EquatableArray<ContainingTypeModel> ContainingTypes { get; init; }

    /// <summary>The type's simple name.</summary>
    public required string TypeName { get; init; }

    /// <summary>The declaration keyword: <c>class</c>, <c>record</c>, <c>struct</c> or <c>record struct</c>.</summary>
    public required string Keyword { get; init; }

    /// <summary>The global::-qualified type name.</summary>
    public required string TypeFqn { get; init; }

    /// <summary>The Inngest event name.</summary>
    public required string EventName { get; init; }

    /// <summary>The payload version, or null.</summary>
    public required string? Version { get; init; }

    /// <summary>The name between <c>Send</c> and <c>Async</c>.</summary>
    public required string MethodName { get; init; }

    /// <summary>The accessibility of the send methods: public only when the type and all its containers are.</summary>
    public required GeneratedAccessibility Accessibility { get; init; }

    /// <summary>The generated file's hint name.</summary>
    public required string HintName { get; init; }

    /// <summary>The idempotency id template's parts (empty when the event has none, or the analyzers reject it).</summary>
    public EquatableArray<IdPart> IdParts { get; init; } = EquatableArray<IdPart>.Empty;

    /// <summary>The id template with the data's JSON property names, for the IdTemplate constant, or null.</summary>
    public string? IdTemplate { get; init; }

    /// <summary>Every type of the payload graph that gets generated metadata.</summary>
    public required EquatableArray<TypeShape> Shapes { get; init; }

    /// <summary>True for <c>ReceiveOnly = true</c>: no send methods are generated.</summary>
    public bool ReceiveOnly { get; init; }

    /// <summary>The global::-qualified type this one upgrades from (<c>IInngestEventUpgrade&lt;TSelf, TPrevious&gt;</c>), or null.</summary>
    public string? PreviousVersionFqn { get; init; }

    /// <summary>The JSON name of the data member marked <c>[InngestEncrypted]</c>, or null when none is.</summary>
    public string? EncryptedField { get; init; }
}
