namespace Inngest.Generators.Model;

/// <summary>What [JsonPolymorphic] and [JsonDerivedType] say about a type: how System.Text.Json writes its derived types.</summary>
internal sealed record PolymorphismShape
{
    /// <summary>The discriminator property (<c>$type</c> unless [JsonPolymorphic] names another).</summary>
    public required string DiscriminatorName { get; init; }

    /// <summary>The derived types in attribute order; the base itself may be one of them.</summary>
    public required EquatableArray<DerivedTypeShape> Derived { get; init; }
}
