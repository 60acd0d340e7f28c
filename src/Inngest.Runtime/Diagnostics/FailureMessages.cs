using System;

namespace Inngest;

/// <summary>The texts of the exceptions a send throws: what happened, after how many attempts, what to do, and the outcome.</summary>
internal static class FailureMessages
{
    public const string NoEventKey =
        "Your events were not sent: no Inngest event key is configured. To fix it, set the INNGEST_EVENT_KEY environment variable, "
        + "or set InngestClientOptions.EventKey. To send to a local dev server instead, set INNGEST_DEV=1 (or InngestClientOptions.IsDev = true).";

    public static string Failed(AttemptResult last, int attempts, InngestSendOutcome outcome, Uri baseUrl, InngestRetryOptions retry, bool retryAfterTooLong)
    {
        var tries = attempts == 1 ? "1 attempt" : $"{attempts} attempts";
        string what;
        if (last.Failure == AttemptFailure.Redirected)
        {
            what = $"the HTTP handler followed a redirect (HTTP {last.StatusCode}) away from Inngest at {baseUrl}, so the events went to another address and its answer was ignored. "
                + "Redirects must not be followed: use a handler with AllowAutoRedirect = false, and set the base URL to the Event API's final address.";
        }
        else if (last.StatusCode is not { } status)
        {
            what = last.Failure == AttemptFailure.TimedOut
                ? $"Inngest at {baseUrl} did not answer within {retry.AttemptTimeout.TotalSeconds:0.###} s (InngestClientOptions.AttemptTimeout) after {tries}."
                : $"Could not reach Inngest at {baseUrl} after {tries}: {last.ErrorText} Check the base URL (INNGEST_BASE_URL, INNGEST_DEV or InngestClientOptions.BaseUrl), the network and the HTTP handlers.";
        }
        else
        {
            var serverText = last.ServerError is null ? string.Empty : $": {last.ServerError}";
            var hint = status switch
            {
                401 or 404 => " The event key was not accepted: check INNGEST_EVENT_KEY or InngestClientOptions.EventKey, and that the key belongs to the environment you send to.",
                403 => " The event key is not allowed to send these events: check the key's settings in the Inngest dashboard.",
                413 => " The request is too large: set InngestClientOptions.MaxRequestBytes (and MaxEventBytes) to your plan's limits so requests are split, or too large events caught, before sending.",
                409 or 412 => " An event transform failed on the server: check the transforms of this event key in the Inngest dashboard.",
                429 => " Inngest is rate limiting this key: send less often, or batch events.",
                >= 300 and < 400 => " Redirects are not followed: set the base URL to the Event API's final address.",
                >= 500 => " Inngest could not process the request; try again later.",
                >= 200 and < 300 => " The answer did not acknowledge every event.",
                _ => string.Empty,
            };
            what = $"Inngest answered HTTP {status}{serverText} after {tries}.{hint}";
            if (retryAfterTooLong && last.RetryAfter is { } after)
            {
                what += $" It asked to retry after {Seconds(after)} (Retry-After), longer than InngestClientOptions.MaxRetryDelay ({Seconds(retry.MaxDelay)}), so the client stopped instead of retrying early; send again after that time (InngestSendException.RetryAfter).";
            }
        }

        return $"Events not sent: {what} ({outcome.Describe()}.)";
    }

    public static string Canceled(InngestSendOutcome outcome) => $"The send was canceled ({outcome.Describe()}).";

    private static string Seconds(TimeSpan value) => value == TimeSpan.MaxValue ? "an unbounded time" : $"{value.TotalSeconds:0.###} s";
}
