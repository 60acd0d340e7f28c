namespace Inngest.Generators.Model;

/// <summary>How the fast path writes one value (planned once, by the parser).</summary>
internal sealed record ValueWrite
{
    /// <summary>The writer call.</summary>
    public required ValueWriteKind Kind { get; init; }

    /// <summary>A cast applied first (<c>int</c> for a short, the underlying type for an enum), or null.</summary>
    public string? Cast { get; init; }

    /// <summary>For <see cref="ValueWriteKind.FastPath"/>: the type whose Serialize_X method is called.</summary>
    public string? FastPathFqn { get; init; }

    /// <summary>True for Nullable&lt;T&gt;: null, or the value written as above.</summary>
    public bool IsNullable { get; init; }
}
