using System;
using System.Collections.Generic;

namespace Inngest;

/// <summary>Why an attempt ended without every id.</summary>
internal enum AttemptFailure
{
    /// <summary>The attempt succeeded.</summary>
    None,

    /// <summary>An answer arrived, but not one acknowledging every event (an error status, or a 2xx without the ids).</summary>
    Answer,

    /// <summary>No answer: the connection failed, or a handler of the HTTP pipeline threw.</summary>
    Transport,

    /// <summary>No answer within the attempt timeout.</summary>
    TimedOut,

    /// <summary>The caller's token was cancelled.</summary>
    Canceled,

    /// <summary>A handler followed a redirect, so the body went to another address; its answer is not trusted.</summary>
    Redirected,
}

/// <summary>
/// What one HTTP attempt produced. Every text here has been through the <see cref="Redactor"/>: no key, no control
/// characters, bounded.
/// </summary>
internal readonly record struct AttemptResult(
    AttemptFailure Failure,
    IReadOnlyList<string>? Ids,
    int? StatusCode,
    string? ServerError,
    IReadOnlyList<string>? AcceptedPrefix,
    bool Retryable,
    TimeSpan? RetryAfter,
    Exception? Error,
    string? ErrorText)
{
    public static AttemptResult Success(int status, IReadOnlyList<string> ids) => new(AttemptFailure.None, ids, status, null, null, false, null, null, null);

    public static AttemptResult NoAnswer(AttemptFailure failure, Exception error, string? text, bool retryable)
        => new(failure, null, null, null, null, retryable, null, error, text);

    /// <summary>The reason a listener and a log see: the server's text, else the transport error's.</summary>
    public string? Reason => ServerError ?? ErrorText;
}
