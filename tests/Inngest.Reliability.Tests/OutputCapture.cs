using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Reflection;

namespace Inngest.Reliability.Tests;

/// <summary>
/// Listens to every output channel a process has while it is alive, and keeps each piece of text
/// with the place it came from: spans of every <see cref="ActivitySource"/> (names, status, tags,
/// events, links, baggage), every metric measurement's tags, the payloads and messages of the
/// networking and diagnostics EventSources (what dotnet-trace, dotnet-monitor and APM agents read),
/// and every <see cref="DiagnosticListener"/> event, with the requests and responses they carry.
/// Exceptions, listener calls and log records are added by the test through <see cref="Add"/> and
/// <see cref="AddException"/>. Process-wide: run it in the serial collection.
/// </summary>
public sealed class OutputCapture : IDisposable
{
    /// <summary>The EventSources enabled, at Verbose with all keywords.</summary>
    public static readonly string[] EventSources =
    {
        "System.Net.Http", "System.Net.Sockets", "System.Net.NameResolution", "Private.InternalDiagnostics.System.Net.Http",
        "Microsoft-Diagnostics-DiagnosticSource",
    };

    private readonly ConcurrentQueue<(string Where, string Text)> _texts = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly SourceListener _eventSources;
    private readonly IDisposable _diagnosticListeners;
    private readonly List<IDisposable> _subscriptions = new();

    public OutputCapture()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = a => Record("activity start", a),
            ActivityStopped = a => Record("activity stop", a),
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener { InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument) };
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, tags));
        _meters.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, tags));
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, tags));
        _meters.SetMeasurementEventCallback<decimal>((i, v, tags, _) => Record(i, tags));
        _meters.Start();

        _eventSources = new SourceListener(this);
        _diagnosticListeners = DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e => RecordDiagnostic(listener.Name, e)), (_, _, _) => true));
            }
        }));
    }

    /// <summary>How many items each channel delivered ("activity", "metric", "eventsource System.Net.Http", "diagnostic HttpHandlerDiagnosticListener", ...).</summary>
    public IReadOnlyDictionary<string, int> Counts => new Dictionary<string, int>(_counts);

    public void Add(string where, string? text)
    {
        if (text is not null)
        {
            _texts.Enqueue((where, text));
        }
    }

    /// <summary>Adds the message, <c>ToString()</c> and <c>Data</c> of an exception and of every exception inside it, at every depth.</summary>
    public void AddException(string where, Exception? exception)
    {
        if (exception is null)
        {
            return;
        }

        Add(where + " ToString", exception.ToString());
        var pending = new Stack<(Exception Error, int Depth)>();
        pending.Push((exception, 0));
        while (pending.Count > 0)
        {
            var (e, depth) = pending.Pop();
            var at = $"{where} depth {depth} {e.GetType().FullName}";
            Add(at + " Message", e.Message);
            Add(at + " ToString", e.ToString());
            foreach (DictionaryEntry entry in e.Data)
            {
                Add(at + " Data", $"{entry.Key}={entry.Value}");
            }

            switch (e)
            {
                case InngestSendException send:
                    Add(at + " ServerError", send.ServerError);
                    Add(at + " Outcome", send.Outcome.ToString());
                    break;
                case InngestSendCanceledException canceled:
                    Add(at + " Outcome", canceled.Outcome.ToString());
                    break;
            }

            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push((inner, depth + 1));
                }
            }
            else if (e.InnerException is { } inner)
            {
                pending.Push((inner, depth + 1));
            }
        }
    }

    /// <summary>Where <paramref name="secret"/> appears (case-insensitive): the distinct places, each with one example text.</summary>
    public IReadOnlyDictionary<string, string> PlacesOf(string secret)
    {
        var places = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (where, text) in _texts)
        {
            var at = text.IndexOf(secret, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                var from = Math.Max(0, at - 150);
                var to = Math.Min(text.Length, at + secret.Length + 100);
                places.TryAdd(where, (from > 0 ? "..." : string.Empty) + text[from..to] + (to < text.Length ? "..." : string.Empty));
            }
        }

        return places;
    }

    public void Dispose()
    {
        _diagnosticListeners.Dispose();
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }
        }

        _eventSources.Dispose();
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Count(string channel) => _counts.AddOrUpdate(channel, 1, static (_, n) => n + 1);

    private void Record(string phase, Activity activity)
    {
        Count("activity");
        var where = $"{phase} {activity.Source.Name}/{activity.OperationName}";
        Add(where + " name", activity.DisplayName + " " + activity.OperationName);
        Add(where + " status", activity.StatusDescription);
        foreach (var tag in activity.TagObjects)
        {
            Add($"{where} tag {tag.Key}", Convert.ToString(tag.Value, CultureInfo.InvariantCulture));
        }

        foreach (var e in activity.Events)
        {
            Add($"{where} event", e.Name);
            foreach (var tag in e.Tags)
            {
                Add($"{where} event {e.Name} tag {tag.Key}", Convert.ToString(tag.Value, CultureInfo.InvariantCulture));
            }
        }

        foreach (var link in activity.Links)
        {
            foreach (var tag in link.Tags ?? Enumerable.Empty<KeyValuePair<string, object?>>())
            {
                Add($"{where} link tag {tag.Key}", Convert.ToString(tag.Value, CultureInfo.InvariantCulture));
            }
        }

        foreach (var item in activity.Baggage)
        {
            Add($"{where} baggage {item.Key}", item.Value);
        }
    }

    private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        Count("metric");
        var where = $"metric {instrument.Meter.Name}/{instrument.Name}";
        Add(where, instrument.Description + " " + instrument.Unit);
        foreach (var tag in tags)
        {
            Add($"{where} tag {tag.Key}", Convert.ToString(tag.Value, CultureInfo.InvariantCulture));
        }
    }

    private void RecordEventSource(EventWrittenEventArgs e)
    {
        Count("eventsource " + e.EventSource.Name);
        var where = $"eventsource {e.EventSource.Name}/{e.EventName}";
        if (e.Message is { } message)
        {
            try
            {
                Add(where + " message", e.Payload is { Count: > 0 } ? string.Format(CultureInfo.InvariantCulture, message, e.Payload.ToArray()) : message);
            }
            catch (FormatException)
            {
                Add(where + " message", message);
            }
        }

        for (var i = 0; i < (e.Payload?.Count ?? 0); i++)
        {
            var name = e.PayloadNames is { } names && i < names.Count ? names[i] : i.ToString(CultureInfo.InvariantCulture);
            Add($"{where} {name}", Flatten(e.Payload![i]));
        }
    }

    private void RecordDiagnostic(string listener, KeyValuePair<string, object?> e)
    {
        Count("diagnostic " + listener);
        var where = $"diagnostic {listener}/{e.Key}";
        Add(where + " payload", e.Value?.ToString());
        if (e.Value is null)
        {
            return;
        }

        foreach (var property in e.Value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            object? value;
            try
            {
                value = property.GetValue(e.Value);
            }
            catch (TargetInvocationException)
            {
                continue;
            }

            var at = $"{where} {property.Name}";
            Add(at, value?.ToString());
            switch (value)
            {
                case HttpRequestMessage request:
                    Add(at + " RequestUri", request.RequestUri?.ToString());
                    Add(at + " Headers", request.Headers.ToString());
                    break;
                case HttpResponseMessage response:
                    Add(at + " RequestMessage", response.RequestMessage?.ToString());
                    Add(at + " Headers", response.Headers.ToString());
                    break;
                case Exception exception:
                    AddException(at, exception);
                    break;
            }
        }
    }

    private static string? Flatten(object? value) => value switch
    {
        null => null,
        string text => text,
        IDictionary<string, object?> map => string.Join(", ", map.Select(p => $"{p.Key}={Flatten(p.Value)}")),
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Flatten)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>An in-process EventListener on the networking and diagnostics sources.</summary>
    private sealed class SourceListener : EventListener
    {
        private readonly OutputCapture? _owner;
        private readonly List<EventSource> _early = new();

        public SourceListener(OutputCapture owner)
        {
            // OnEventSourceCreated runs from the base constructor, before _owner is set: sources seen then are enabled here.
            _owner = owner;
            lock (_early)
            {
                foreach (var source in _early)
                {
                    EnableIfWanted(source);
                }
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (_owner is null)
            {
                lock (_early)
                {
                    _early.Add(eventSource);
                }

                return;
            }

            EnableIfWanted(eventSource);
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData) => _owner?.RecordEventSource(eventData);

        private void EnableIfWanted(EventSource source)
        {
            if (Array.IndexOf(EventSources, source.Name) < 0)
            {
                return;
            }

            // The DiagnosticSource bridge needs a spec to forward events with their payloads: every listener, every event.
            var arguments = source.Name == "Microsoft-Diagnostics-DiagnosticSource"
                ? new Dictionary<string, string?> { ["FilterAndPayloadSpecs"] = "[AS]*\r\n*" }
                : null;
            EnableEvents(source, EventLevel.LogAlways, EventKeywords.All, arguments);
        }
    }

    private sealed class Observer<T> : IObserver<T>
    {
        private readonly Action<T> _next;

        public Observer(Action<T> next)
        {
            _next = next;
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(T value) => _next(value);
    }
}
