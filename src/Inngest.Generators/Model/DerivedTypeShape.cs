namespace Inngest.Generators.Model;

/// <summary>One [JsonDerivedType] of a polymorphic type.</summary>
internal sealed record DerivedTypeShape
{
    /// <summary>The derived type, as <see cref="TypeShape.Fqn"/> names it.</summary>
    public required string Fqn { get; init; }

    /// <summary>The discriminator as a JSON literal (<c>"circle"</c> or <c>1</c>), or null when the type is written without one.</summary>
    public string? Discriminator { get; init; }
}
