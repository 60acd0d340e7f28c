using System;
using System.Collections.Generic;

namespace Inngest;

/// <summary>
/// Thrown when Inngest did not accept the events of a send call: it answered with an error, its
/// answer could not be read, it could not be reached, or the HTTP handler pipeline failed the request
/// (a resilience timeout, a handler's own exception, a disposed <see cref="System.Net.Http.HttpClient"/>),
/// after all allowed attempts. <see cref="Outcome"/> says exactly which events are stored.
/// </summary>
/// <remarks>
/// The message, <see cref="Exception.ToString"/>, <see cref="ServerError"/> and the inner exceptions never contain the
/// event key: text that held it has it replaced by <c>***</c>. Text from the server is at most
/// <see cref="MaxServerTextLength"/> characters and on one line.
/// </remarks>
public sealed class InngestSendException : Exception
{
    /// <summary>The most characters of server-provided text (error bodies, status lines) kept in messages.</summary>
    public const int MaxServerTextLength = 1024;

    internal InngestSendException(string message, int? statusCode, string? serverError, int attempts, InngestSendOutcome outcome, TimeSpan? retryAfter, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ServerError = serverError;
        Attempts = attempts;
        Outcome = outcome;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status of the last answer, or <see langword="null"/> when none arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>
    /// The <c>error</c> text of the server's last answer, when it had one: at most <see cref="MaxServerTextLength"/>
    /// characters (longer text is cut and marked), control characters replaced by spaces, the key by <c>***</c>.
    /// </summary>
    public string? ServerError { get; }

    /// <summary>How many HTTP attempts the failing request made.</summary>
    public int Attempts { get; }

    /// <summary>
    /// The wait the server's last <c>Retry-After</c> header asked for, or <see langword="null"/> when it sent none.
    /// When it is longer than <see cref="InngestRetryOptions.MaxDelay"/> the client stops retrying instead of
    /// retrying early; wait this long before sending the unacknowledged events again.
    /// </summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The ids of the events Inngest accepted, in input order (a prefix of the events).</summary>
    public IReadOnlyList<string> AcceptedIds => Outcome.AcceptedIds;

    /// <summary>Which events were accepted, which may or may not have been, and which were not sent.</summary>
    public InngestSendOutcome Outcome { get; }
}
