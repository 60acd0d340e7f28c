using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace Inngest;

/// <summary>
/// The one place the client's settings are checked: the <see cref="InngestClient"/> constructor, the public
/// <see cref="InngestClientOptions.Validate(string, bool)"/> and the dependency-injection package's start-up validation all
/// call <see cref="Validate"/>, so a setting is judged and explained the same way everywhere.
/// </summary>
internal static class ClientOptionsRules
{
    public const string DefaultPrefix = "InngestClientOptions.";

    /// <summary>The smallest request body limit that still holds a small event.</summary>
    public const int MinRequestBytes = 256;

    /// <summary>Every problem with <paramref name="options"/> and the environment; <paramref name="settings"/> is the resolved configuration when there is none.</summary>
    public static List<string> Validate(InngestClientOptions options, string prefix, out InngestSettings? settings)
    {
        var errors = new List<string>();
        var retry = options.Retry;
        if (retry.MaxAttempts < 1)
        {
            errors.Add($"{prefix}MaxAttempts is {retry.MaxAttempts}; set it to 1 or more (1 disables retries).");
        }

        if (options.MaxEventsPerRequest is < 1 or > InngestClientOptions.DefaultMaxEventsPerRequest)
        {
            errors.Add($"{prefix}MaxEventsPerRequest is {options.MaxEventsPerRequest}; set it between 1 and {InngestClientOptions.DefaultMaxEventsPerRequest}, the most the Event API takes in one request.");
        }

        if (options.MaxEventBytes < 64)
        {
            errors.Add($"{prefix}MaxEventBytes is {options.MaxEventBytes}; set it to your plan's event size limit, for example 262144 (256 KiB).");
        }

        if (options.MaxRequestBytes < MinRequestBytes)
        {
            errors.Add($"{prefix}MaxRequestBytes is {options.MaxRequestBytes}; set it to your plan's request size limit, for example 262144 (256 KiB), and at least {MinRequestBytes}.");
        }

        CheckDelay(errors, prefix, "InitialRetryDelay", retry.InitialDelay);
        CheckDelay(errors, prefix, "MaxRetryJitter", retry.MaxJitter);
        CheckDelay(errors, prefix, "MaxRetryDelay", retry.MaxDelay);
        if (retry.AttemptTimeout != Timeout.InfiniteTimeSpan && (retry.AttemptTimeout <= TimeSpan.Zero || retry.AttemptTimeout > InngestRetryOptions.MaxDuration))
        {
            errors.Add($"{prefix}AttemptTimeout is {Show(retry.AttemptTimeout)}; set it to a positive time span of at most 49.7 days, such as 00:00:30 for 30 seconds (or Timeout.InfiniteTimeSpan for no limit).");
        }

        settings = null;
        try
        {
            settings = InngestSettings.Resolve(options, prefix);
        }
        catch (InngestConfigurationException ex)
        {
            errors.Add(ex.Message);
        }

        return errors;
    }

    public static string NoEventKey(string prefix)
        => $"No Inngest event key is configured, so no event could be sent. Set {prefix}EventKey (or the INNGEST_EVENT_KEY environment variable) from a secret store; "
           + $"to send to a local dev server instead set {prefix}IsDev to true (or INNGEST_DEV=1).";

    /// <summary>Delays may be as long as a TimeSpan holds (TimeSpan.MaxValue means "no cap"): <see cref="RetryStrategy"/> never waits past the timer limit.</summary>
    private static void CheckDelay(List<string> errors, string prefix, string name, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            errors.Add($"{prefix}{name} is {Show(value)}; it must not be negative: set a time span such as 00:00:30 for 30 seconds.");
        }
    }

    private static string Show(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
