using System;
using Microsoft.Extensions.Logging;

namespace Inngest.EntityFrameworkCore;

/// <summary>
/// The dispatcher's log entries. They name rows by their row id, event name and event id (an idempotency id, not a
/// secret) and carry the client's error text (which never holds the event key); never <c>data</c> or <c>user</c>.
/// </summary>
internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 101, EventName = "InngestOutboxSent", Level = LogLevel.Debug,
        Message = "Inngest outbox: {Count} event(s) sent")]
    public static partial void Sent(ILogger logger, int count);

    [LoggerMessage(EventId = 102, EventName = "InngestOutboxRetrying", Level = LogLevel.Warning,
        Message = "Inngest outbox: {Count} event(s) not sent (status {StatusCode}), retrying in {Delay}: {Error}")]
    public static partial void Retrying(ILogger logger, int count, int? statusCode, TimeSpan delay, string error);

    [LoggerMessage(EventId = 103, EventName = "InngestOutboxParked", Level = LogLevel.Error,
        Message = "Inngest outbox: row {RowId} ({EventName}, id {EventId}) parked after {Attempts} attempt(s), status {StatusCode}: {Error}")]
    public static partial void Parked(ILogger logger, string rowId, string eventName, string eventId, int attempts, int? statusCode, string error);

    [LoggerMessage(EventId = 104, EventName = "InngestOutboxSearchingCulprit", Level = LogLevel.Information,
        Message = "Inngest outbox: a batch of {Count} event(s) was rejected (status {StatusCode}); sending it in smaller parts to find the rejected event(s)")]
    public static partial void SearchingCulprit(ILogger logger, int count, int? statusCode);

    [LoggerMessage(EventId = 105, EventName = "InngestOutboxCycleFailed", Level = LogLevel.Error,
        Message = "Inngest outbox: dispatching failed; trying again in {Delay}")]
    public static partial void CycleFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 106, EventName = "InngestOutboxSingleDispatcher", Level = LogLevel.Information,
        Message = "Inngest outbox on {Provider}: SQLite has one writer at a time; run one dispatcher per database file (PostgreSQL supports several)")]
    public static partial void SingleDispatcher(ILogger logger, string? provider);

    [LoggerMessage(EventId = 107, EventName = "InngestOutboxStopped", Level = LogLevel.Information,
        Message = "Inngest outbox dispatcher stopped after finishing the batch in flight")]
    public static partial void Stopped(ILogger logger);
}
