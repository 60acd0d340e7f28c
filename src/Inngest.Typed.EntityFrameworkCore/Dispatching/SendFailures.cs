using System;

namespace Inngest.EntityFrameworkCore;

/// <summary>Which failures are the event's fault (park it) and which will get better by themselves (retry).</summary>
internal static class SendFailures
{
    /// <summary>
    /// True for an answer that rejects the events themselves: a 4xx other than 408 (timeout) and 429 (rate limit),
    /// which the client does not retry either. 401, 403 and 404 say the key or the URL is wrong, not the event: every
    /// event would fail alike, so they are retried (and logged) until the configuration is fixed, never parked.
    /// </summary>
    public static bool IsRejection(int? statusCode)
        => statusCode is >= 400 and < 500 and not (408 or 429 or 401 or 403 or 404);

    /// <summary>The backoff after the row's <paramref name="attempts"/>-th failure: doubling, capped, at least a Retry-After.</summary>
    public static TimeSpan Backoff(int attempts, InngestOutboxOptions options, TimeSpan? retryAfter)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ticks = Math.Min(options.RetryInitialDelay.Ticks * (double)(1L << exponent), options.RetryMaxDelay.Ticks);
        var delay = TimeSpan.FromTicks((long)(ticks * (0.75 + Random.Shared.NextDouble() * 0.25)));
        return retryAfter is { } wait && wait > delay && wait < TimeSpan.FromDays(1) ? wait : delay;
    }
}
