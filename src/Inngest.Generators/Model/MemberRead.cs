namespace Inngest.Generators.Model;

/// <summary>How a type's generated reader reads one of its members.</summary>
internal sealed record MemberRead
{
    public required MemberReadKind Kind { get; init; }

    /// <summary>For <see cref="MemberReadKind.Argument"/>: the index in <see cref="ObjectShape.Parameters"/>; else -1.</summary>
    public required int ArgumentIndex { get; init; }
}
