using Inngest.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Inngest.Generators.Rules;

/// <summary>How the generator sees one type: what its metadata is built from, or why it cannot describe it.</summary>
internal readonly struct TypeClassification
{
    private TypeClassification(TypeShapeKind? kind, string? reason)
    {
        Kind = kind;
        Reason = reason;
        Collection = CollectionKind.None;
        ValueConverter = null;
        Element = null;
        Key = null;
        CreateRangeMethod = null;
    }

    /// <summary>Null when the type cannot be described (<see cref="Reason"/> says why).</summary>
    public TypeShapeKind? Kind { get; private init; }

    public CollectionKind Collection { get; private init; }

    /// <summary>For <see cref="TypeShapeKind.Value"/>: the JsonMetadataServices converter property name.</summary>
    public string? ValueConverter { get; private init; }

    /// <summary>The element (collections), value (dictionaries) or underlying (Nullable) type.</summary>
    public ITypeSymbol? Element { get; private init; }

    /// <summary>A dictionary's key type.</summary>
    public ITypeSymbol? Key { get; private init; }

    /// <summary>For immutable collections: the static method building one from an IEnumerable.</summary>
    public string? CreateRangeMethod { get; private init; }

    /// <summary>Why the type cannot be described, as a phrase for INNG011.</summary>
    public string? Reason { get; }

    public bool IsSupported => Kind is not null;

    /// <summary>True when System.Text.Json picks the run-time type (object, dynamic): metadata comes from the options' resolver chain.</summary>
    public bool IsResolvedAtRunTime => ValueConverter == "ObjectConverter";

    public static TypeClassification Value(string converter) => new(TypeShapeKind.Value, null) { ValueConverter = converter };

    public static TypeClassification Of(TypeShapeKind kind, ITypeSymbol? element = null) => new(kind, null) { Element = element };

    public static TypeClassification Sequence(CollectionKind collection, ITypeSymbol element, string? createRange = null)
        => new(TypeShapeKind.Collection, null) { Collection = collection, Element = element, CreateRangeMethod = createRange };

    public static TypeClassification Map(CollectionKind collection, ITypeSymbol key, ITypeSymbol value, string? createRange = null)
        => new(TypeShapeKind.Dictionary, null) { Collection = collection, Key = key, Element = value, CreateRangeMethod = createRange };

    public static TypeClassification Unsupported(string reason) => new(null, reason);
}
