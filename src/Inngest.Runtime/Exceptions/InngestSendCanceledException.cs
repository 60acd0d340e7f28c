using System;
using System.Threading;

namespace Inngest;

/// <summary>
/// Thrown when the caller's <see cref="CancellationToken"/> stops a send call, also when it was cancelled before the
/// call; says which events were accepted before it and which may have been.
/// </summary>
public sealed class InngestSendCanceledException : OperationCanceledException
{
    internal InngestSendCanceledException(string message, InngestSendOutcome outcome, Exception? innerException, CancellationToken token)
        : base(message, innerException, token)
    {
        Outcome = outcome;
    }

    /// <summary>Which events were accepted, which may or may not have been, and which were not sent.</summary>
    public InngestSendOutcome Outcome { get; }
}
