namespace Inngest.Generators.Model;

/// <summary>One type of the payload graph that gets generated metadata.</summary>
internal sealed record TypeShape
{
    /// <summary>The global::-qualified name, without nullable reference annotations and with tuples spelled as ValueTuple.</summary>
    public required string Fqn { get; init; }

    /// <summary>A short identifier-safe name, the base of the context's member names.</summary>
    public required string DisplayName { get; init; }

    /// <summary>What the metadata is built from.</summary>
    public required TypeShapeKind Kind { get; init; }

    /// <summary>True for structs and enums.</summary>
    public required bool IsValueType { get; init; }

    /// <summary>For <see cref="TypeShapeKind.Value"/>: the JsonMetadataServices converter property.</summary>
    public string? ValueConverter { get; init; }

    /// <summary>For <see cref="TypeShapeKind.Enum"/>: the C# type its number is written as on the fast path (int, uint, long or ulong).</summary>
    public string? EnumNumberType { get; init; }

    /// <summary>True when the type carries [JsonPolymorphic] or [JsonDerivedType]: System.Text.Json reads them at run time, also for generated metadata.</summary>
    public bool IsPolymorphic { get; init; }

    /// <summary>For collections and dictionaries: the factory.</summary>
    public CollectionKind Collection { get; init; }

    /// <summary>The element (collections), value (dictionaries) or underlying (Nullable) type.</summary>
    public string? ElementFqn { get; init; }

    /// <summary>The key type of a dictionary.</summary>
    public string? KeyFqn { get; init; }

    /// <summary>For immutable collections: the method that builds one from an IEnumerable.</summary>
    public string? CreateRangeMethod { get; init; }

    /// <summary>True when a collection has a public parameterless constructor (its ObjectCreator).</summary>
    public bool HasParameterlessConstructor { get; init; }

    /// <summary>For <see cref="TypeShapeKind.CustomConverter"/>: the expression creating the converter.</summary>
    public string? CustomConverter { get; init; }

    /// <summary>For <see cref="TypeShapeKind.Object"/>: members and creation.</summary>
    public ObjectShape? Object { get; init; }

    /// <summary>How the fast path writes one value of this type (planned once by the parser), or null when it cannot.</summary>
    public ValueWrite? Write { get; init; }

    /// <summary>For a collection with a fast path: how it writes each element (dictionaries: each value).</summary>
    public ValueWrite? ElementWrite { get; init; }

    /// <summary>True when the type gets its own <c>Serialize_X</c> fast-path method.</summary>
    public bool HasFastPath { get; init; }

    /// <summary>True when values of the type are read by generated code (<c>TryRead_X</c>, or a value helper), planned by <c>ReaderPlanner</c>.</summary>
    public bool HasReader { get; init; }

    /// <summary>For <see cref="TypeShapeKind.Enum"/> and enums with a converter: the named values (for the JSON schema).</summary>
    public EquatableArray<EnumMemberShape> EnumMembers { get; init; } = EquatableArray<EnumMemberShape>.Empty;

    /// <summary>True for a [Flags] enum: any combination is written, so the schema lists no values.</summary>
    public bool IsFlagsEnum { get; init; }

    /// <summary>For a polymorphic type: its discriminator and derived types (for the JSON schema).</summary>
    public PolymorphismShape? Polymorphism { get; init; }
}
