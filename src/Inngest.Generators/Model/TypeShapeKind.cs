namespace Inngest.Generators.Model;

/// <summary>What the JSON metadata of one type is built from.</summary>
internal enum TypeShapeKind
{
    /// <summary>A built-in converter of JsonMetadataServices (<see cref="TypeShape.ValueConverter"/>).</summary>
    Value,

    /// <summary>An enum, through JsonMetadataServices.GetEnumConverter.</summary>
    Enum,

    /// <summary>Nullable&lt;T&gt;, through JsonMetadataServices.GetNullableConverter.</summary>
    Nullable,

    /// <summary>A sequence (<see cref="TypeShape.Collection"/> says which Create*Info).</summary>
    Collection,

    /// <summary>A dictionary (<see cref="TypeShape.Collection"/> says which Create*Info).</summary>
    Dictionary,

    /// <summary>An object with properties, through CreateObjectInfo.</summary>
    Object,

    /// <summary>A type with its own [JsonConverter], through CreateValueInfo with that converter.</summary>
    CustomConverter,
}
