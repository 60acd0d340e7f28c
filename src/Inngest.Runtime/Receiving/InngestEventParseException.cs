using System;

namespace Inngest;

/// <summary>
/// Thrown by <see cref="InngestEvent.Parse{T}(string, InngestParseOptions?)"/> and the other parse methods when a
/// received event cannot be read: <see cref="Error"/> says what is wrong, <see cref="Path"/> where (a JSON path such
/// as <c>$.data.accountId</c>, <c>$[2].ts</c> in a batch), and the message names the event and what to change. The
/// message never contains the event's data values. <see cref="Exception.InnerException"/> holds System.Text.Json's
/// exception for <see cref="InngestEventParseError.InvalidData"/>, or the failing upgrade or middleware's.
/// </summary>
public sealed class InngestEventParseException : FormatException
{
    internal InngestEventParseException(InngestEventParseError error, string? eventName, string? path, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        EventName = eventName;
        Path = path;
    }

    /// <summary>What is wrong.</summary>
    public InngestEventParseError Error { get; }

    /// <summary>The event's <c>name</c>, when it has one.</summary>
    public string? EventName { get; }

    /// <summary>The JSON path of the offending value in the input, when one is known.</summary>
    public string? Path { get; }
}
