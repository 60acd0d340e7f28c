using System.Collections.Generic;

namespace Inngest;

/// <summary>What Inngest returned for a successful send call.</summary>
public sealed class InngestSendResult
{
    internal static readonly InngestSendResult Empty = new(System.Array.Empty<string>());

    /// <summary>Creates a result; useful for test doubles of <see cref="IInngestClient"/>.</summary>
    /// <param name="ids">The event ids, one per event in input order.</param>
    public InngestSendResult(IReadOnlyList<string> ids)
    {
        System.ArgumentNullException.ThrowIfNull(ids);
        Ids = ids;
    }

    /// <summary>The ids Inngest gave the events: <c>Ids[i]</c> belongs to event <c>i</c> of the call.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <inheritdoc />
    public override string ToString() => $"InngestSendResult {{ Ids = [{string.Join(", ", Ids)}] }}";
}
