using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Inngest;

/// <summary>
/// The names under which the client reports traces and metrics through <see cref="System.Diagnostics"/>.
/// Subscribe with OpenTelemetry (<c>AddSource(InngestTelemetry.ActivitySourceName)</c>,
/// <c>AddMeter(InngestTelemetry.MeterName)</c>) or any <see cref="ActivityListener"/>/<see cref="MeterListener"/>.
/// Nothing here ever carries the event key, <c>data</c> or <c>user</c>.
/// </summary>
/// <remarks>
/// Each send call is one <see cref="ActivityKind.Producer"/> span named <c>inngest.send</c> with the tags
/// <c>messaging.system</c> (<c>inngest</c>), <c>messaging.operation.name</c> (<c>send</c>),
/// <c>messaging.batch.message_count</c>, <c>inngest.event.names</c>, <c>inngest.requests</c>,
/// <c>inngest.attempts</c>, <c>inngest.outcome</c> (<c>success</c>, <c>failed</c>, <c>canceled</c> or
/// <c>invalid</c>), <c>http.response.status_code</c> and <c>error.type</c> when it fails (its status description is
/// the exception's message, which never holds the key). Every HTTP attempt carries its context in the W3C
/// <c>traceparent</c> header. The client's own HTTP handler (and the dependency-injection
/// package's handler) makes no HTTP client span or diagnostics events, because their URL would hold the event key
/// (it sits in the request path); an <c>HttpClient</c> you pass in keeps its usual instrumentation, so redact
/// <c>url.full</c> there (docs/observability.md lists what .NET itself publishes).
/// Metrics: <c>inngest.events.sent</c> and <c>inngest.events.failed</c> (counters of events),
/// <c>inngest.send.retries</c> (counter of retried attempts) and <c>inngest.send.duration</c>
/// (histogram, seconds, tagged with <c>inngest.outcome</c>).
/// </remarks>
public static class InngestTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> and <see cref="Meter"/> name: <c>Inngest.Typed</c>.</summary>
    public const string ActivitySourceName = "Inngest.Typed";

    /// <summary>The <see cref="Meter"/> name: <c>Inngest.Typed</c>.</summary>
    public const string MeterName = "Inngest.Typed";

    internal static readonly ActivitySource Source = new(ActivitySourceName, InngestClient.SdkVersion);
    internal static readonly Meter Meter = new(MeterName, InngestClient.SdkVersion);
    internal static readonly Counter<long> EventsSent = Meter.CreateCounter<long>("inngest.events.sent", "{event}", "Events Inngest acknowledged.");
    internal static readonly Counter<long> EventsFailed = Meter.CreateCounter<long>("inngest.events.failed", "{event}", "Events of failed send calls that Inngest did not acknowledge.");
    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>("inngest.send.retries", "{attempt}", "HTTP attempts that failed and were retried.");
    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("inngest.send.duration", "s", "Duration of send calls, retries included.");

    /// <summary>At most this many distinct names go into the <c>inngest.event.names</c> tag.</summary>
    internal const int MaxNamesInTag = 16;

    internal static string DistinctNames(IReadOnlyList<InngestEvent> events)
    {
        if (events.Count == 1)
        {
            return events[0]?.Name ?? string.Empty;
        }

        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var evt in events)
        {
            if (evt?.Name is { } name && seen.Add(name))
            {
                if (names.Count == MaxNamesInTag)
                {
                    names.Add("...");
                    break;
                }

                names.Add(name);
            }
        }

        return string.Join(",", names);
    }
}
