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
    private readonly bool _timed;
    private readonly Activity? _activity;

    public SendScope(IReadOnlyList<InngestEvent> events, InngestSendListener? listener, TimeProvider time)
    {
        _events = events;
        _listener = listener;
        _time = time;
        _activity = StartActivity(events);

        // The clock is read only for an observer of the duration (a listener, or a MeterListener of the histogram):
        // on this project's VMs a clock read costs 30-60 ns, two per send (docs/benchmarks.md, single sends). A call
        // that started before anyone listened records no duration.
        _timed = listener is not null || InngestTelemetry.Duration.Enabled;
        _started = _timed ? time.GetTimestamp() : 0;
    }

    public int Requests { get; set; }

    public int Attempts { get; set; }

    public int? LastStatus { get; set; }

    /// <summary>How many events, from the first, belong to requests already attempted (the rest were never sent).</summary>
    public int EventsAttempted { get; set; }

    // The observers are called inline in try/catch blocks rather than through lambdas: a send makes no closure or
    // delegate for them (see docs/benchmarks.md, single sends).
    public void Starting(int requests)
    {
        if (_listener is null)
        {
            return;
        }

        try
        {
            _listener.SendStarting(_events, requests);
        }
        catch (Exception)
        {
            // An observer's failure is not the send's (see the class summary).
        }
    }

    public void Retrying(int failedAttempt, int? statusCode, string? reason, TimeSpan delay)
    {
        try
        {
            InngestTelemetry.Retries.Add(1);
        }
        catch (Exception)
        {
        }

        try
        {
            _listener?.Retrying(_events, failedAttempt, statusCode, reason, delay);
        }
        catch (Exception)
        {
        }
    }

    public void Succeeded()
    {
        var elapsed = Elapsed();
        try
        {
            InngestTelemetry.EventsSent.Add(_events.Count);
            if (_timed)
            {
                InngestTelemetry.Duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("inngest.outcome", "success"));
            }
        }
        catch (Exception)
        {
        }

        try
        {
            if (_activity is not null)
            {
                _activity.SetTag("inngest.requests", Requests);
                _activity.SetTag("inngest.attempts", Attempts);
                _activity.SetTag("inngest.outcome", "success");
                _activity.SetTag("http.response.status_code", LastStatus);
            }
        }
        catch (Exception)
        {
        }

        try
        {
            _listener?.SendSucceeded(_events, Attempts, elapsed);
        }
        catch (Exception)
        {
        }
    }

    /// <summary>Reports <paramref name="exception"/>, which is one of the documented send exceptions and has a clean message.</summary>
    public void Failed(Exception exception)
    {
        var elapsed = Elapsed();
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
            if (_timed)
            {
                InngestTelemetry.Duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("inngest.outcome", outcome));
            }
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

    public void Dispose()
    {
        try
        {
            _activity?.Dispose();
        }
        catch (Exception)
        {
        }
    }

    private TimeSpan Elapsed() => _timed ? _time.GetElapsedTime(_started) : TimeSpan.Zero;

    private static Activity? StartActivity(IReadOnlyList<InngestEvent> events)
    {
        try
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
        }
        catch (Exception)
        {
            return null;
        }
    }

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
}
