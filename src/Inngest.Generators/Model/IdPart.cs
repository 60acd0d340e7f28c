namespace Inngest.Generators.Model;

/// <summary>One piece of an idempotency id template: literal text, or a payload member formatted invariantly.</summary>
internal sealed record IdPart
{
    /// <summary>Literal text, or null for a member.</summary>
    public string? Literal { get; init; }

    /// <summary>The C# member name.</summary>
    public string? Member { get; init; }

    /// <summary>How the member is turned into text.</summary>
    public IdFormat Format { get; init; }

    /// <summary>True for a Nullable&lt;T&gt; member (formatted through its value).</summary>
    public bool IsNullableValue { get; init; }

    /// <summary>The text used when the member is null, or null when it cannot be (or none was given).</summary>
    public string? Fallback { get; init; }
}
