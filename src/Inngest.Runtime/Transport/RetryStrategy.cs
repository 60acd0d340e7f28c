using System;
using System.Globalization;
using System.Net.Http;

namespace Inngest;

/// <summary>
/// When to try a request again, and after how long: 100 ms x 2^(n-1) plus up to the jitter (as the official SDKs), at
/// least the server's <c>Retry-After</c>, at most <see cref="InngestRetryOptions.MaxDelay"/>. A <c>Retry-After</c> longer
/// than that cap is respected by not retrying at all, rather than by retrying early.
/// </summary>
internal sealed class RetryStrategy
{
    /// <summary>The three HTTP-date forms of RFC 9110, section 5.6.7: IMF-fixdate, RFC 850 and asctime.</summary>
    private static readonly string[] HttpDateFormats = { "r", "dddd, dd-MMM-yy HH:mm:ss 'GMT'", "ddd MMM d HH:mm:ss yyyy" };

    private readonly InngestRetryOptions _options;

    public RetryStrategy(InngestRetryOptions options)
    {
        _options = options;
    }

    public int MaxAttempts => _options.MaxAttempts;

    public TimeSpan MaxDelay => _options.MaxDelay;

    /// <summary>
    /// The wait before the attempt after <paramref name="failedAttempt"/>, or null when the server asked for more than
    /// <see cref="MaxDelay"/> (or more than a timer can wait, about 49.7 days).
    /// </summary>
    public TimeSpan? DelayAfter(int failedAttempt, TimeSpan? retryAfter)
    {
        var cap = _options.MaxDelay < InngestRetryOptions.MaxDuration ? _options.MaxDelay : InngestRetryOptions.MaxDuration;
        if (retryAfter > cap)
        {
            return null;
        }

        var exponent = Math.Min(failedAttempt - 1, 30);
        var backoffTicks = Math.Min(_options.InitialDelay.Ticks * Math.Pow(2, exponent), cap.Ticks);
        var jitterTicks = Random.Shared.NextDouble() * _options.MaxJitter.Ticks;
        var delay = TimeSpan.FromTicks((long)Math.Min(backoffTicks + jitterTicks, cap.Ticks));
        if (retryAfter is { } after && after > delay)
        {
            delay = after;
        }

        return delay;
    }

    /// <summary>
    /// The server's <c>Retry-After</c>: seconds, or an HTTP date read against <paramref name="time"/> (not the machine's
    /// clock). Values .NET's own parser refuses (more seconds than an int holds) still count, as "very long"; text that
    /// is neither form is ignored.
    /// </summary>
    public static TimeSpan? ReadRetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        if (!response.Headers.NonValidated.TryGetValues("Retry-After", out var values))
        {
            return null;
        }

        foreach (var raw in values)
        {
            var value = raw.Trim();
            if (value.Length == 0)
            {
                continue;
            }

            if (IsDigits(value))
            {
                return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < (long)TimeSpan.MaxValue.TotalSeconds
                    ? TimeSpan.FromSeconds(seconds)
                    : TimeSpan.MaxValue;
            }

            if (DateTimeOffset.TryParseExact(value, HttpDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowInnerWhite, out var date))
            {
                var wait = date - time.GetUtcNow();
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }

    private static bool IsDigits(string value)
    {
        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
