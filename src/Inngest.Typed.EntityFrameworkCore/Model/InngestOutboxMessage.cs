namespace Inngest.EntityFrameworkCore;

/// <summary>
/// One event in the outbox table, added to the change tracker by <see cref="InngestOutbox.Enqueue{T}"/> and saved with
/// the rest of your changes. Everything needed to send it (name, data, user, id, timestamp, version) is fixed when it is
/// enqueued, so every send of the row is the same event. Times are Unix milliseconds (UTC), so every provider can
/// compare and order them.
/// </summary>
public sealed class InngestOutboxMessage
{
    /// <summary>The row's key: 32 lower-case hex characters made when the event was enqueued.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>
    /// The dispatch order: a per-process monotonic clock in microseconds, so rows of one transaction (one process,
    /// one context) are strictly increasing and rows of different processes follow their wall clocks.
    /// </summary>
    public long OrderKey { get; set; }

    /// <summary>
    /// The rows that must go out in order: the enqueueing transaction's id (or, without an explicit transaction, the
    /// context's current unit of work up to its next <c>SaveChanges</c>).
    /// </summary>
    public string GroupId { get; set; } = string.Empty;

    /// <summary>The Inngest event name (<c>name</c>).</summary>
    public string EventName { get; set; } = string.Empty;

    /// <summary>The event's idempotency id (<c>id</c>): yours when you gave one, else <c>outbox-</c> plus <see cref="Id"/>.</summary>
    public string EventId { get; set; } = string.Empty;

    /// <summary>The event's <c>data</c> as JSON text, serialized with the event type's generated metadata when it was enqueued.</summary>
    public string Data { get; set; } = "{}";

    /// <summary>The event's <c>user</c> as JSON text (<c>external_id</c>, <c>email</c>, <c>phone</c>, attributes), or null.</summary>
    public string? User { get; set; }

    /// <summary>The event's timestamp (<c>ts</c>): yours, else the time it was enqueued.</summary>
    public long Timestamp { get; set; }

    /// <summary>The payload version (<c>v</c>), or null.</summary>
    public string? EventVersion { get; set; }

    /// <summary>When the row was enqueued.</summary>
    public long EnqueuedAt { get; set; }

    /// <summary>The row's status.</summary>
    public InngestOutboxStatus Status { get; set; }

    /// <summary>How many sends of this row failed (transient failures and the rejection that parked it).</summary>
    public int Attempts { get; set; }

    /// <summary>The earliest time the next attempt may start (backoff after a transient failure).</summary>
    public long NextAttemptAt { get; set; }

    /// <summary>The lease of the dispatcher that is sending the row, or null.</summary>
    public string? LeaseToken { get; set; }

    /// <summary>Until when that lease holds; after it any dispatcher may claim the row again.</summary>
    public long? LeaseUntil { get; set; }

    /// <summary>The last failure (status and the server's error, never the event key), or null.</summary>
    public string? LastError { get; set; }

    /// <summary>The HTTP status of the last failure, when an answer arrived.</summary>
    public int? LastStatusCode { get; set; }

    /// <summary>When Inngest accepted the row (only while sent rows are retained).</summary>
    public long? SentAt { get; set; }
}
