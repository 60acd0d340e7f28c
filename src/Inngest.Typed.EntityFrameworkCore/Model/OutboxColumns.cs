namespace Inngest.EntityFrameworkCore;

/// <summary>
/// The outbox table's column names. They are fixed (not left to a naming convention) because the dispatcher's claim
/// and update statements are SQL: the lease and <c>FOR UPDATE SKIP LOCKED</c> cannot be written in LINQ.
/// </summary>
internal static class OutboxColumns
{
    public const string Id = "id";
    public const string OrderKey = "order_key";
    public const string GroupId = "group_id";
    public const string EventName = "event_name";
    public const string EventId = "event_id";
    public const string Data = "data";
    public const string User = "user_json";
    public const string Timestamp = "ts";
    public const string EventVersion = "version";
    public const string EnqueuedAt = "enqueued_at";
    public const string Status = "status";
    public const string Attempts = "attempts";
    public const string NextAttemptAt = "next_attempt_at";
    public const string LeaseToken = "lease_token";
    public const string LeaseUntil = "lease_until";
    public const string LastError = "last_error";
    public const string LastStatusCode = "last_status_code";
    public const string SentAt = "sent_at";
}
