namespace Inngest.EntityFrameworkCore;

/// <summary>Where an outbox row is in its life. Stored as an integer; the values never change.</summary>
public enum InngestOutboxStatus
{
    /// <summary>Committed and waiting to be sent (or waiting for its next attempt after a transient failure).</summary>
    Pending = 0,

    /// <summary>Accepted by Inngest; kept only while <see cref="InngestOutboxOptions.SentRetention"/> asks for it.</summary>
    Sent = 1,

    /// <summary>Permanently rejected by Inngest (a 4xx other than 408/429, or an event the client refuses to send); never retried by itself.</summary>
    Parked = 2,
}
