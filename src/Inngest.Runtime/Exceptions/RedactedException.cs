using System;
using System.Text;

namespace Inngest;

/// <summary>
/// Stands in for an exception from the HTTP stack whose text held the event key (a server that echoes
/// <c>POST /e/KEY</c> in an invalid status line, a handler that puts the URL into its message). It keeps the
/// original's type name, message and stack trace with the key replaced by <c>***</c>, and its inner exceptions
/// redacted the same way, so <see cref="Exception.ToString"/> at any depth is safe to log.
/// </summary>
internal sealed class RedactedException : Exception
{
    private readonly string? _stackTrace;

    private RedactedException(string originalType, int hresult, string message, string? stackTrace, Exception? inner)
        : base(message, inner)
    {
        OriginalType = originalType;
        _stackTrace = stackTrace;
        HResult = hresult;
    }

    /// <summary>The full name of the exception type this stands in for.</summary>
    public string OriginalType { get; }

    public override string? StackTrace => _stackTrace;

    public static Exception From(Exception original, Redactor redactor)
    {
        var inner = original.InnerException is { } innerOriginal ? redactor.Redact(innerOriginal) : null;
        return new RedactedException(
            original.GetType().FullName ?? original.GetType().Name,
            original.HResult,
            redactor.Clean(original.Message) ?? string.Empty,
            redactor.Clean(original.StackTrace, bounded: false),
            inner);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(OriginalType).Append(" (redacted): ").Append(Message);
        if (InnerException is { } inner)
        {
            text.Append(" ---> ").Append(inner.ToString()).AppendLine().Append("   --- End of inner exception stack trace ---");
        }

        if (_stackTrace is not null)
        {
            text.AppendLine().Append(_stackTrace);
        }

        return text.ToString();
    }
}
