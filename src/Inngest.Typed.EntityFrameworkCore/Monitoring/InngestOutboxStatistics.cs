using System;

namespace Inngest.EntityFrameworkCore;

/// <summary>A snapshot of the outbox table.</summary>
/// <param name="Pending">Rows waiting to be sent (including those backing off after a transient failure).</param>
/// <param name="Parked">Rows Inngest permanently rejected; they wait for you (see <see cref="InngestOutboxQueries"/>).</param>
/// <param name="Sent">Sent rows still kept by <see cref="InngestOutboxOptions.SentRetention"/>.</param>
/// <param name="OldestPendingAge">How long the oldest pending row has waited; zero when none is pending.</param>
public sealed record InngestOutboxStatistics(long Pending, long Parked, long Sent, TimeSpan OldestPendingAge);
