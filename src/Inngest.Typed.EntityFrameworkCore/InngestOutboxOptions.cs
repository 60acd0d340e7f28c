using System;
using System.Collections.Generic;

namespace Inngest.EntityFrameworkCore;

/// <summary>How the outbox dispatcher claims, sends, retries and keeps rows.</summary>
public sealed class InngestOutboxOptions
{
    /// <summary>Rows claimed and sent per request batch. Default 100; at most 5,000 (the Event API's limit per request).</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long the dispatcher waits before looking again when the outbox had nothing to send. Default 500 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long a claimed batch belongs to one dispatcher. A send still running when the lease is about to end is
    /// cancelled (so two dispatchers never send one row at the same time), and a dispatcher that died leaves its rows
    /// to the others once it ends. Must be longer than a send takes with the client's retries. Default 5 minutes.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The first backoff after a transient failure, doubled per failed attempt of the row. Default 1 s.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff between two attempts of a row. Default 5 minutes. Transient failures are retried without limit.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long sent rows are kept (status <see cref="InngestOutboxStatus.Sent"/>). Default zero: a sent row is deleted at once.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.Zero;

    /// <summary>How often the pending/parked gauges and the age of the oldest pending row are refreshed. Default 10 s.</summary>
    public TimeSpan StatisticsInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock (tests move it); default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The problems with these options, one sentence each; empty when they are usable.</summary>
    /// <returns>The problems found.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (BatchSize is < 1 or > 5000)
        {
            problems.Add($"InngestOutboxOptions.BatchSize is {BatchSize}; use 1 to 5000 (the Event API takes at most 5,000 events per request).");
        }

        RequirePositive(problems, nameof(PollInterval), PollInterval);
        RequirePositive(problems, nameof(RetryInitialDelay), RetryInitialDelay);
        RequirePositive(problems, nameof(StatisticsInterval), StatisticsInterval);
        if (LeaseDuration < TimeSpan.FromSeconds(1))
        {
            problems.Add($"InngestOutboxOptions.LeaseDuration is {LeaseDuration}; use at least 1 second, longer than a send with retries takes.");
        }

        if (RetryMaxDelay < RetryInitialDelay)
        {
            problems.Add($"InngestOutboxOptions.RetryMaxDelay ({RetryMaxDelay}) is shorter than RetryInitialDelay ({RetryInitialDelay}).");
        }

        if (SentRetention < TimeSpan.Zero)
        {
            problems.Add($"InngestOutboxOptions.SentRetention is negative ({SentRetention}); use TimeSpan.Zero to delete sent rows at once.");
        }

        if (TimeProvider is null)
        {
            problems.Add("InngestOutboxOptions.TimeProvider is null; leave it at TimeProvider.System.");
        }

        return problems;
    }

    private static void RequirePositive(List<string> problems, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"InngestOutboxOptions.{name} is {value}; it must be positive.");
        }
    }
}
