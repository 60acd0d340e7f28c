using System;
using System.Threading;

namespace Inngest;

/// <summary>
/// How an <see cref="InngestClient"/> retries one request: how many attempts, how long each may take, and how long it
/// waits between them (exponential backoff with jitter, at least the server's <c>Retry-After</c>). Every attempt of a
/// request carries the same body and id seed, so a retry never stores an event twice.
/// </summary>
/// <remarks>
/// No wait is ever longer than <see cref="MaxDuration"/> (about 49.7 days, the longest timer .NET supports), so a
/// large <see cref="MaxDelay"/> (even <see cref="TimeSpan.MaxValue"/>, for "no cap") cannot make a send throw; an
/// <see cref="AttemptTimeout"/> longer than that fails the client's construction with an
/// <see cref="InngestConfigurationException"/> instead of every send.
/// </remarks>
public sealed class InngestRetryOptions
{
    /// <summary>The default number of attempts per request: 5.</summary>
    public const int DefaultMaxAttempts = 5;

    /// <summary>The longest wait and attempt timeout: 4,294,967,294 ms, the limit of .NET's timers.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    /// <summary>The most HTTP attempts one request makes, the first included. Default 5; 1 disables retries.</summary>
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>The delay before the second attempt; it doubles before each further one. Default 100 ms.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The most random jitter added to each retry delay. Default 100 ms.</summary>
    public TimeSpan MaxJitter { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The longest wait between two attempts. Default 30 s. The backoff is capped at it; a server's <c>Retry-After</c>
    /// longer than it is not cut short: the request stops retrying and fails with
    /// <see cref="InngestSendException.RetryAfter"/> set.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one HTTP attempt may take, answer body included, before it is abandoned and retried. Default 30 s;
    /// <see cref="Timeout.InfiniteTimeSpan"/> for no limit.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A copy, so a client keeps the settings it was created with.</summary>
    internal InngestRetryOptions Clone() => (InngestRetryOptions)MemberwiseClone();
}
