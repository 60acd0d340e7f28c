using System;
using System.Collections.Generic;

namespace Inngest;

/// <summary>
/// Receives the steps of every send call of an <see cref="InngestClient"/>: the hook logging
/// integrations build on (Inngest.Extensions.DependencyInjection logs through <c>ILogger</c> with it).
/// Override only what you need. Calls are made on the sending thread; keep them fast. An exception a listener throws
/// is ignored: it never changes the result of the send it observes.
/// </summary>
/// <remarks>
/// The events are passed so a listener can read their names; their <c>data</c> and <c>user</c> carry
/// personal data and should not be logged. The event key is never passed.
/// </remarks>
public abstract class InngestSendListener
{
    /// <summary>A send call is about to make its first request (the events passed validation).</summary>
    /// <param name="events">The call's events.</param>
    /// <param name="requests">How many requests the call is split into.</param>
    public virtual void SendStarting(IReadOnlyList<InngestEvent> events, int requests)
    {
    }

    /// <summary>An attempt failed and will be retried after <paramref name="delay"/>.</summary>
    /// <param name="events">The call's events.</param>
    /// <param name="failedAttempt">The number of the attempt that failed, from 1.</param>
    /// <param name="statusCode">The HTTP status of its answer, or null when none arrived.</param>
    /// <param name="reason">The server's error text or the transport error's message, never holding the key.</param>
    /// <param name="delay">The wait before the next attempt.</param>
    public virtual void Retrying(IReadOnlyList<InngestEvent> events, int failedAttempt, int? statusCode, string? reason, TimeSpan delay)
    {
    }

    /// <summary>Every event of the call was acknowledged.</summary>
    /// <param name="events">The call's events.</param>
    /// <param name="attempts">The HTTP attempts made across all the call's requests.</param>
    /// <param name="elapsed">The call's duration, retries included.</param>
    public virtual void SendSucceeded(IReadOnlyList<InngestEvent> events, int attempts, TimeSpan elapsed)
    {
    }

    /// <summary>The call failed: validation, configuration, the server, the network, or cancellation.</summary>
    /// <param name="events">The call's events.</param>
    /// <param name="exception">The exception the call throws.</param>
    /// <param name="elapsed">The call's duration.</param>
    public virtual void SendFailed(IReadOnlyList<InngestEvent> events, Exception exception, TimeSpan elapsed)
    {
    }
}
