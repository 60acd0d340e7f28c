using System;
using System.Collections.Generic;

namespace Inngest;

/// <summary>
/// What became of each event of a send call that did not fully succeed. Events are identified by
/// their index in the list given to the send call; accepted events always form a prefix of it.
/// </summary>
public sealed class InngestSendOutcome
{
    internal InngestSendOutcome(IReadOnlyList<string> acceptedIds, int unacknowledgedCount, int totalEvents)
    {
        AcceptedIds = acceptedIds;
        UnacknowledgedEventIndexes = new IndexRange(acceptedIds.Count, unacknowledgedCount);
        NotSentEventIndexes = new IndexRange(acceptedIds.Count + unacknowledgedCount, totalEvents - acceptedIds.Count - unacknowledgedCount);
        TotalEvents = totalEvents;
    }

    /// <summary>
    /// The ids Inngest returned for the events it accepted: <c>AcceptedIds[i]</c> belongs to event
    /// <c>i</c>. These events are stored; sending them again would make new events.
    /// </summary>
    public IReadOnlyList<string> AcceptedIds { get; }

    /// <summary>
    /// Events that were sent but never acknowledged. After a rejection (a 4xx answer) they were not
    /// stored; after a lost connection, a timeout, a 5xx or a cancellation Inngest may have stored
    /// them. Resend them with an <see cref="InngestEvent.Id"/> so a second copy starts no run.
    /// </summary>
    public IReadOnlyList<int> UnacknowledgedEventIndexes { get; }

    /// <summary>Events that never left this process (later requests of a chunked send).</summary>
    public IReadOnlyList<int> NotSentEventIndexes { get; }

    /// <summary>The number of events given to the send call.</summary>
    public int TotalEvents { get; }

    internal string Describe()
    {
        var text = $"{AcceptedIds.Count} of {TotalEvents} event(s) accepted";
        if (UnacknowledgedEventIndexes.Count > 0)
        {
            text += $"; event(s) {((IndexRange)UnacknowledgedEventIndexes).Describe()} not acknowledged";
        }

        if (NotSentEventIndexes.Count > 0)
        {
            text += $"; event(s) {((IndexRange)NotSentEventIndexes).Describe()} not sent";
        }

        return text;
    }

    private sealed class IndexRange : IReadOnlyList<int>
    {
        private readonly int _start;

        public IndexRange(int start, int count)
        {
            _start = start;
            Count = Math.Max(0, count);
        }

        public int Count { get; }

        public int this[int index] => (uint)index < (uint)Count ? _start + index : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<int> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return _start + i;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public string Describe() => Count == 1 ? $"{_start}" : $"{_start}..{_start + Count - 1}";
    }
}
