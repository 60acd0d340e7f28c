using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Inngest.EntityFrameworkCore;

/// <summary>Reads the outbox (what is pending, what was parked and why) and puts parked rows back in line.</summary>
public static class InngestOutboxQueries
{
    /// <summary>Every outbox row, for your own LINQ queries (no tracking).</summary>
    /// <returns>The rows as a query.</returns>
    public static IQueryable<InngestOutboxMessage> Messages(this InngestOutbox outbox)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        OutboxModel.Require(outbox.Context);
        return outbox.Context.Set<InngestOutboxMessage>().AsNoTracking();
    }

    /// <summary>The parked rows, oldest first, with their <see cref="InngestOutboxMessage.LastError"/> and attempt count.</summary>
    /// <returns>The parked rows.</returns>
    public static Task<List<InngestOutboxMessage>> GetParkedAsync(this InngestOutbox outbox, int max = 100, CancellationToken cancellationToken = default)
        => outbox.Messages().Where(m => m.Status == InngestOutboxStatus.Parked).OrderBy(m => m.OrderKey).Take(max).ToListAsync(cancellationToken);

    /// <summary>Counts of pending, parked and retained sent rows, and the age of the oldest pending row.</summary>
    /// <returns>The snapshot.</returns>
    public static Task<InngestOutboxStatistics> GetStatisticsAsync(this InngestOutbox outbox, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        return new OutboxStore(outbox.Context).StatisticsAsync(TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
    }

    /// <summary>
    /// Puts parked rows back to pending (all of them, or those whose <see cref="InngestOutboxMessage.Id"/> is in
    /// <paramref name="ids"/>), for after you fixed what Inngest rejected. They keep their event id, so a row Inngest had
    /// in fact stored is still deduplicated within its 24 h window.
    /// </summary>
    /// <returns>How many rows were requeued.</returns>
    public static Task<int> RequeueParkedAsync(this InngestOutbox outbox, IReadOnlyList<string>? ids = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        return new OutboxStore(outbox.Context).RequeueParkedAsync(ids, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
    }
}
