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

/// <summary>
/// Thrown when Inngest did not accept the events of a send call: it answered with an error, its
/// answer could not be read, or it could not be reached, after all allowed attempts.
/// </summary>
/// <remarks>The message, <see cref="Exception.ToString"/> and the properties never contain the event key.</remarks>
public sealed class InngestSendException : Exception
{
    internal InngestSendException(string message, int? statusCode, string? serverError, int attempts, InngestSendOutcome outcome, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ServerError = serverError;
        Attempts = attempts;
        Outcome = outcome;
    }

    /// <summary>The HTTP status of the last answer, or <see langword="null"/> when none arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>The <c>error</c> text of the server's last answer, when it had one.</summary>
    public string? ServerError { get; }

    /// <summary>How many HTTP attempts the failing request made.</summary>
    public int Attempts { get; }

    /// <summary>The ids of the events Inngest accepted, in input order (a prefix of the events).</summary>
    public IReadOnlyList<string> AcceptedIds => Outcome.AcceptedIds;

    /// <summary>Which events were accepted, which may or may not have been, and which were not sent.</summary>
    public InngestSendOutcome Outcome { get; }
}

/// <summary>
/// Thrown when the caller's <see cref="System.Threading.CancellationToken"/> stops a send call; says
/// which events were accepted before it and which may have been.
/// </summary>
public sealed class InngestSendCanceledException : OperationCanceledException
{
    internal InngestSendCanceledException(string message, InngestSendOutcome outcome, Exception? innerException, System.Threading.CancellationToken token)
        : base(message, innerException, token)
    {
        Outcome = outcome;
    }

    /// <summary>Which events were accepted, which may or may not have been, and which were not sent.</summary>
    public InngestSendOutcome Outcome { get; }
}

/// <summary>
/// Thrown before any request when an event breaks a rule the Event API enforces; nothing of the call
/// was sent. The message names the event's index and what to change.
/// </summary>
public sealed class InngestEventValidationException : ArgumentException
{
    internal InngestEventValidationException(int eventIndex, string? eventName, string message, Exception? innerException = null)
        : base(message, "events", innerException)
    {
        EventIndex = eventIndex;
        EventName = eventName;
    }

    /// <summary>The index of the offending event in the list given to the send call.</summary>
    public int EventIndex { get; }

    /// <summary>The offending event's name, if it has one.</summary>
    public string? EventName { get; }
}

/// <summary>
/// Thrown when the client's configuration cannot work: no event key in cloud mode, a base URL that
/// is not an absolute http(s) URL, or limits out of range. The message says what to set.
/// </summary>
public sealed class InngestConfigurationException : InvalidOperationException
{
    internal InngestConfigurationException(string message)
        : base(message)
    {
    }
}
