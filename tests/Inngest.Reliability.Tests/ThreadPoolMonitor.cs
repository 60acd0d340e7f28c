using System;
using System.Diagnostics.Tracing;
using System.Threading;

namespace Inngest.Reliability.Tests;

/// <summary>
/// Watches the runtime's thread-pool events in-process: the pool reports a
/// <c>ThreadPoolWorkerThreadAdjustmentAdjustment</c> with reason Starvation when queued work makes
/// no progress because every worker is blocked, and with reason CooperativeBlocking when a pool
/// thread blocks on a task: both are what sync-over-async causes under load.
/// Also samples the pool's thread count.
/// </summary>
public sealed class ThreadPoolMonitor : EventListener
{
    private const int StarvationReason = 6;
    private const int CooperativeBlockingReason = 8;
    private const EventKeywords ThreadingKeyword = (EventKeywords)0x10000;
    private int _starvations;
    private int _blockings;
    private int _peakThreads;
    private Timer? _sampler;

    public ThreadPoolMonitor()
    {
        InitialThreads = ThreadPool.ThreadCount;
        _peakThreads = InitialThreads;
        _sampler = new Timer(_ => Sample(), null, 0, 20);
    }

    /// <summary>Threads injected because queued work made no progress.</summary>
    public int StarvationEvents => Volatile.Read(ref _starvations);

    /// <summary>Threads injected because a pool thread blocked on a task (<c>Task.Wait</c>, <c>.Result</c>).</summary>
    public int BlockingEvents => Volatile.Read(ref _blockings);

    public int InitialThreads { get; }

    public int PeakThreads => Volatile.Read(ref _peakThreads);

    /// <summary>How many threads the pool added while watched.</summary>
    public int ThreadGrowth => PeakThreads - InitialThreads;

    public override void Dispose()
    {
        _sampler?.Dispose();
        _sampler = null;
        base.Dispose();
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Informational, ThreadingKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName == "ThreadPoolWorkerThreadAdjustmentAdjustment" && eventData.Payload is { } payload && eventData.PayloadNames is { } names)
        {
            var index = names.IndexOf("Reason");
            var reason = index >= 0 ? Convert.ToInt32(payload[index], System.Globalization.CultureInfo.InvariantCulture) : -1;
            if (reason == StarvationReason)
            {
                Interlocked.Increment(ref _starvations);
            }
            else if (reason == CooperativeBlockingReason)
            {
                Interlocked.Increment(ref _blockings);
            }
        }
    }

    private void Sample()
    {
        var count = ThreadPool.ThreadCount;
        int peak;
        while (count > (peak = Volatile.Read(ref _peakThreads)) && Interlocked.CompareExchange(ref _peakThreads, count, peak) != peak)
        {
        }
    }
}
