using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;

namespace Inngest;

/// <summary>
/// The observable side of one send call: its <c>inngest.send</c> span, its metrics and the
/// <see cref="InngestSendListener"/> calls. Observers are someone else's code (a listener, a logging provider, an
/// <see cref="ActivityListener"/>, a <see cref="System.Diagnostics.Metrics.MeterListener"/>); whatever they throw is
/// swallowed here, so observing a send can never change its result: an accepted send never turns into a failure, and
/// a failure keeps its own exception and outcome.
/// </summary>
internal sealed class SendScope : IDisposable
{
    private readonly IReadOnlyList<InngestEvent> _events;
    private readonly InngestSendListener? _listener;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly Activity? _activity;

    public SendScope(IReadOnlyList<InngestEvent> events, InngestSendListener? listener, TimeProvider time)
    {
        _events = events;
        _listener = listener;
        _time = time;
        _started = time.GetTimestamp();
        _activity = Guard<Activity>(() =>
        {
            var activity = InngestTelemetry.Source.StartActivity("inngest.send", ActivityKind.Producer);
            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag("messaging.system", "inngest");
                activity.SetTag("messaging.operation.name", "send");
                activity.SetTag("messaging.batch.message_count", events.Count);
                activity.SetTag("inngest.event.names", InngestTelemetry.DistinctNames(events));
            }

            return activity;
        });
    }

    public int Requests { get; set; }

    public int Attempts { get; set; }

    public int? LastStatus { get; set; }

    /// <summary>How many events, from the first, belong to requests already attempted (the rest were never sent).</summary>
    public int EventsAttempted { get; set; }

    public void Starting(int requests) => Guard(() => _listener?.SendStarting(_events, requests));

    public void Retrying(int failedAttempt, int? statusCode, string? reason, TimeSpan delay)
    {
        Guard(() => InngestTelemetry.Retries.Add(1));
        Guard(() => _listener?.Retrying(_events, failedAttempt, statusCode, reason, delay));
    }

    public void Succeeded()
    {
        var elapsed = _time.GetElapsedTime(_started);
        Guard(() =>
        {
            InngestTelemetry.EventsSent.Add(_events.Count);
            InngestTelemetry.Duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("inngest.outcome", "success"));
        });
        Guard(() =>
        {
            if (_activity is not null)
            {
                _activity.SetTag("inngest.requests", Requests);
                _activity.SetTag("inngest.attempts", Attempts);
                _activity.SetTag("inngest.outcome", "success");
                _activity.SetTag("http.response.status_code", LastStatus);
            }
        });
        Guard(() => _listener?.SendSucceeded(_events, Attempts, elapsed));
    }

    /// <summary>Reports <paramref name="exception"/>, which is one of the documented send exceptions and has a clean message.</summary>
    public void Failed(Exception exception)
    {
        var elapsed = _time.GetElapsedTime(_started);
        var (outcome, accepted) = exception switch
        {
            InngestSendException send => ("failed", send.AcceptedIds.Count),
            InngestSendCanceledException canceled => ("canceled", canceled.Outcome.AcceptedIds.Count),
            InngestEventValidationException or InngestConfigurationException => ("invalid", 0),
            _ => ("failed", 0),
        };
        Guard(() =>
        {
            if (accepted > 0)
            {
                InngestTelemetry.EventsSent.Add(accepted);
            }

            InngestTelemetry.EventsFailed.Add(_events.Count - accepted);
            InngestTelemetry.Duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("inngest.outcome", outcome));
        });
        Guard(() =>
        {
            if (_activity is not null)
            {
                _activity.SetTag("inngest.requests", Requests);
                _activity.SetTag("inngest.attempts", Attempts);
                _activity.SetTag("inngest.outcome", outcome);
                if (LastStatus is { } status)
                {
                    _activity.SetTag("http.response.status_code", status);
                }

                _activity.SetTag("error.type", exception is InngestSendException { StatusCode: { } code } ? code.ToString(CultureInfo.InvariantCulture) : exception.GetType().FullName);
                _activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            }
        });
        Guard(() => _listener?.SendFailed(_events, exception, elapsed));
    }

    public void Dispose() => Guard(() => _activity?.Dispose());

    private static void Guard(Action observe)
    {
        try
        {
            observe();
        }
        catch (Exception)
        {
            // An observer's failure is not the send's (see the class summary).
        }
    }

    private static T? Guard<T>(Func<T?> observe)
        where T : class
    {
        try
        {
            return observe();
        }
        catch (Exception)
        {
            return null;
        }
    }
}
