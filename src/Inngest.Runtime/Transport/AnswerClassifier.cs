using System;
using System.Collections.Generic;
using System.Net;

namespace Inngest;

/// <summary>Decides what an answer means (event-api.md, section 4): acknowledged, retryable, or final, and which ids it accepted.</summary>
internal static class AnswerClassifier
{
    public static AttemptResult Classify(int status, ResponseBody parsed, int expectedIds, TimeSpan? retryAfter, Redactor redactor)
    {
        var ids = parsed.Ids;
        if (status is >= 200 and < 300 && ids is not null && ids.Count == expectedIds && LeadingNonEmpty(ids) == expectedIds)
        {
            return AttemptResult.Success(status, ids);
        }

        var retryable = status is >= 200 and < 300 // a 2xx without the right ids: the seed makes a retry safe
            || status == (int)HttpStatusCode.RequestTimeout
            || status == (int)HttpStatusCode.TooManyRequests
            || status >= 500;
        var error = redactor.Clean(parsed.Error);
        if (status is >= 200 and < 300)
        {
            error ??= ids is null
                ? (parsed.IsJson ? "the answer holds no ids" : "the answer is not JSON")
                : LeadingNonEmpty(ids) == ids.Count
                    ? $"the answer holds {ids.Count} id(s) for {expectedIds} event(s)"
                    : $"the answer holds {ids.Count} id(s) for {expectedIds} event(s), some of them empty";
        }

        // A 2xx without the right ids is not trusted for any of them; a refusal lists what it stored before failing.
        var accepted = status is >= 200 and < 300 ? null : AcceptedPrefix(ids, expectedIds);
        return new AttemptResult(AttemptFailure.Answer, null, status, error, accepted, retryable, retryAfter, null, null);
    }

    /// <summary>
    /// The ids of the events a failed answer says were stored. The open-source server answers a failure at event k with
    /// the ids of events 0..k-1 followed by empty strings (and <c>{"ids":[""]}</c> when event 0 fails), so only the
    /// leading non-empty ids count; an empty id is an event it did not store.
    /// </summary>
    private static IReadOnlyList<string>? AcceptedPrefix(IReadOnlyList<string>? ids, int expectedIds)
    {
        if (ids is null || ids.Count > expectedIds)
        {
            return null; // more ids than events: not an answer about these events
        }

        var count = LeadingNonEmpty(ids);
        if (count == 0)
        {
            return null;
        }

        var prefix = new string[count];
        for (var i = 0; i < count; i++)
        {
            prefix[i] = ids[i];
        }

        return prefix;
    }

    private static int LeadingNonEmpty(IReadOnlyList<string> ids)
    {
        var n = 0;
        while (n < ids.Count && !string.IsNullOrWhiteSpace(ids[n]))
        {
            n++;
        }

        return n;
    }
}
