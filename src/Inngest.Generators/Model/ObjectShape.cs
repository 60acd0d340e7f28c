namespace Inngest.Generators.Model;

/// <summary>An object type's members, how it is created and its type-level JSON attributes.</summary>
internal sealed record ObjectShape
{
    /// <summary>The members in System.Text.Json's order.</summary>
    public required EquatableArray<MemberShape> Members { get; init; }

    /// <summary>How the deserializer creates an instance.</summary>
    public required CreationKind Creation { get; init; }

    /// <summary>Constructor parameters, then required and init members set in the object initializer.</summary>
    public required EquatableArray<ParameterShape> Parameters { get; init; }

    /// <summary>How many of <see cref="Parameters"/> are constructor parameters.</summary>
    public required int ConstructorParameterCount { get; init; }

    /// <summary>A type-level [JsonNumberHandling].</summary>
    public NumberHandling? NumberHandling { get; init; }

    /// <summary>A type-level [JsonUnmappedMemberHandling].</summary>
    public UnmappedMemberHandling? UnmappedMemberHandling { get; init; }

    /// <summary>A type-level [JsonObjectCreationHandling].</summary>
    public ObjectCreationHandling? ObjectCreationHandling { get; init; }
}
