using System;

namespace Inngest;

/// <summary>
/// Thrown before any request when an event breaks a rule the Event API enforces, or when writing an event's
/// <c>data</c> as JSON throws (whatever the exception: a converter's, a property getter's); nothing of the call
/// was sent. The message names the event's index and what to change; <see cref="Exception.InnerException"/> holds
/// the serializer's or your code's exception.
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
