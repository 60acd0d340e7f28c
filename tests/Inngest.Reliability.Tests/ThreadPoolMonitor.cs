using System;
using System.Diagnostics.Tracing;
using System.Threading;

namespace Inngest.Reliability.Tests;

/// <summary>
/// Watches the runtime's thread-pool events in-process. The pool reports a
/// <c>ThreadPoolWorkerThreadAdjustmentAdjustment</c> with reason Starvation when queued work makes
/// no progress because every worker is blocked, and with reason CooperativeBlocking when a pool
/// thread blocks on a task (<c>Task.Wait</c>, <c>.Result</c>): both are what sync-over-async causes.
/// One listener lives for the whole process (re-creating listeners for the runtime's event source
/// loses events); <see cref="Watch"/> opens a window over it.
/// </summary>
public sealed class ThreadPoolMonitor : EventListener
{
    private const int StarvationReason = 6;
    private const int CooperativeBlockingReason = 8;
    private const EventKeywords ThreadingKeyword = (EventKeywords)0x10000;
    private static readonly Lazy<ThreadPoolMonitor> Shared = new(() => new ThreadPoolMonitor());
    private int _starvations;
    private int _blockings;

    private ThreadPoolMonitor()
    {
    }

    /// <summary>Starts counting thread-pool starvation and blocking from now on.</summary>
    public static Window Watch() => new(Shared.Value);

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

    /// <summary>What the pool did between <see cref="Watch"/> and now.</summary>
    public sealed class Window : IDisposable
    {
        private readonly ThreadPoolMonitor _monitor;
        private readonly int _starvationsAtStart;
        private readonly int _blockingsAtStart;
        private readonly Timer _sampler;
        private int _peakThreads;

        internal Window(ThreadPoolMonitor monitor)
        {
            _monitor = monitor;
            _starvationsAtStart = Volatile.Read(ref monitor._starvations);
            _blockingsAtStart = Volatile.Read(ref monitor._blockings);
            InitialThreads = ThreadPool.ThreadCount;
            _peakThreads = InitialThreads;
            _sampler = new Timer(_ => Sample(), null, 0, 20);
        }

        public int InitialThreads { get; }

        public int PeakThreads => Volatile.Read(ref _peakThreads);

        /// <summary>How many threads the pool added while watched.</summary>
        public int ThreadGrowth => PeakThreads - InitialThreads;

        /// <summary>Threads injected because queued work made no progress.</summary>
        public int StarvationEvents => Volatile.Read(ref _monitor._starvations) - _starvationsAtStart;

        /// <summary>Threads injected because a pool thread blocked on a task.</summary>
        public int BlockingEvents => Volatile.Read(ref _monitor._blockings) - _blockingsAtStart;

        public void Dispose() => _sampler.Dispose();

        private void Sample()
        {
            var count = ThreadPool.ThreadCount;
            int peak;
            while (count > (peak = Volatile.Read(ref _peakThreads)) && Interlocked.CompareExchange(ref _peakThreads, count, peak) != peak)
            {
            }
        }
    }
}
