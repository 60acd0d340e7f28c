namespace Inngest.Generators.Model;

/// <summary>A type that contains the event type.</summary>
internal sealed record ContainingTypeModel
{
    /// <summary>The declaration keyword (<c>class</c>, <c>record struct</c>, ...).</summary>
    public required string Keyword { get; init; }

    /// <summary>The simple name.</summary>
    public required string Name { get; init; }
}
