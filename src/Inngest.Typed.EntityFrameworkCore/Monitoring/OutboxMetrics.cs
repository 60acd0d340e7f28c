using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Inngest.EntityFrameworkCore;

/// <summary>
/// The outbox's instruments on the <c>Inngest.Typed.Outbox</c> meter: gauges of pending and parked rows and of the
/// oldest pending row's age (from the dispatcher's last statistics refresh; reading them never touches the
/// database), and counters of rows sent, retried and parked. Tagged with the context type.
/// </summary>
internal sealed class OutboxMetrics : IDisposable
{
    public const string MeterName = "Inngest.Typed.Outbox";

    private readonly Meter _meter;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _parked;
    private readonly KeyValuePair<string, object?> _contextTag;
    private InngestOutboxStatistics? _latest;

    public OutboxMetrics(string contextName)
    {
        _meter = new Meter(MeterName);
        _contextTag = new KeyValuePair<string, object?>("inngest.outbox.context", contextName);
        _sent = _meter.CreateCounter<long>("inngest.outbox.sent", "{event}", "Outbox rows Inngest accepted.");
        _retried = _meter.CreateCounter<long>("inngest.outbox.retried", "{event}", "Outbox rows that failed transiently and will be retried.");
        _parked = _meter.CreateCounter<long>("inngest.outbox.parked", "{event}", "Outbox rows parked after a permanent rejection.");
        _meter.CreateObservableGauge("inngest.outbox.pending_rows", () => Observe(s => s.Pending), "{row}", "Outbox rows waiting to be sent.");
        _meter.CreateObservableGauge("inngest.outbox.parked_rows", () => Observe(s => s.Parked), "{row}", "Parked outbox rows.");
        _meter.CreateObservableGauge("inngest.outbox.oldest_pending_age", () => Observe(s => s.OldestPendingAge.TotalSeconds), "s", "Age of the oldest pending outbox row.");
    }

    /// <summary>This dispatcher's meter (tests tell it apart from other dispatchers' in the process).</summary>
    internal Meter Meter => _meter;

    public void Update(InngestOutboxStatistics statistics) => _latest = statistics;

    public void Sent(int count) => Add(_sent, count);

    public void Retried(int count) => Add(_retried, count);

    public void Parked(int count) => Add(_parked, count);

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<T>> Observe<T>(Func<InngestOutboxStatistics, T> read)
        where T : struct
        => _latest is { } latest ? [new Measurement<T>(read(latest), _contextTag)] : [];

    private void Add(Counter<long> counter, int count)
    {
        if (count > 0)
        {
            counter.Add(count, _contextTag);
        }
    }
}
