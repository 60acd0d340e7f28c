using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Inngest.EntityFrameworkCore;

/// <summary>
/// Sends the committed rows of <typeparamref name="TContext"/>'s outbox through <see cref="IInngestClient"/>, in
/// batches, as a hosted <see cref="BackgroundService"/> (registered by <c>services.AddInngestOutbox&lt;TContext&gt;()</c>).
/// Each batch is leased before it is sent; accepted rows are deleted (or kept for the retention), transient failures
/// back off, permanent rejections park the rejected row. On shutdown the batch in flight is finished and recorded.
/// </summary>
/// <typeparam name="TContext">Your context, whose model has the outbox (<c>modelBuilder.AddInngestOutbox()</c>).</typeparam>
public sealed class InngestOutboxDispatcher<TContext> : BackgroundService
    where TContext : DbContext
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IInngestClient _client;
    private readonly InngestOutboxOptions _options;
    private readonly ILogger _logger;
    private readonly OutboxMetrics _metrics;
    private long _nextHousekeeping;
    private bool _dialectLogged;

    /// <summary>Creates a dispatcher; <c>AddInngestOutbox&lt;TContext&gt;()</c> does this for you.</summary>
    /// <param name="scopes">Makes one scope (and one <typeparamref name="TContext"/>) per batch.</param>
    /// <param name="client">The client the events are sent with, the same one your direct sends use.</param>
    /// <param name="options">The options named after <typeparamref name="TContext"/> (<see cref="OptionsName"/>).</param>
    /// <param name="logger">The dispatcher's logger, or null for none.</param>
    /// <exception cref="ArgumentException">The options are not usable; the message lists every problem.</exception>
    public InngestOutboxDispatcher(IServiceScopeFactory scopes, IInngestClient client, IOptionsMonitor<InngestOutboxOptions> options, ILogger<InngestOutboxDispatcher<TContext>>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _scopes = scopes;
        _client = client;
        _options = options.Get(OptionsName);
        var problems = _options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _metrics = new OutboxMetrics(typeof(TContext).Name);
    }

    internal OutboxMetrics Metrics => _metrics;

    /// <summary>The name of the <see cref="InngestOutboxOptions"/> this dispatcher reads: the context type's full name.</summary>
    public static string OptionsName => typeof(TContext).FullName ?? typeof(TContext).Name;

    /// <summary>
    /// Claims, sends and records one batch, then refreshes the statistics when they are due. The hosted loop calls it;
    /// call it yourself to drive the outbox without a host (a scheduled job, a test).
    /// <paramref name="cancellationToken"/> stops it before the claim; once a batch is claimed it is sent and recorded.
    /// </summary>
    /// <returns>How many rows the batch had (0 when nothing was due).</returns>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var store = new OutboxStore(db);
        if (!_dialectLogged)
        {
            _dialectLogged = true;
            if (store.Dialect != OutboxDialect.PostgreSql)
            {
                OutboxLog.SingleDispatcher(_logger, db.Database.ProviderName);
            }
        }

        var time = _options.TimeProvider;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var leaseToken = Guid.NewGuid().ToString("N");
        var rows = await store.ClaimAsync(_options.BatchSize, now, now + (long)_options.LeaseDuration.TotalMilliseconds, leaseToken, cancellationToken).ConfigureAwait(false);
        if (rows.Count > 0)
        {
            // The send must end before the lease does, or a second dispatcher could claim and send the same rows
            // while this one still is: it is cancelled at 80% of the lease, leaving the rest for recording the outcome.
            using var deadline = new CancellationTokenSource(TimeSpan.FromTicks(_options.LeaseDuration.Ticks * 4 / 5), time);
            var sender = new BatchSender(_client, store, _options, _metrics, _logger, leaseToken, deadline.Token);
            await sender.SendAsync(rows).ConfigureAwait(false);
        }

        if (now >= _nextHousekeeping)
        {
            _nextHousekeeping = now + (long)_options.StatisticsInterval.TotalMilliseconds;
            if (_options.SentRetention > TimeSpan.Zero)
            {
                await store.DeleteSentBeforeAsync(now - (long)_options.SentRetention.TotalMilliseconds, CancellationToken.None).ConfigureAwait(false);
            }

            _metrics.Update(await store.StatisticsAsync(time.GetUtcNow().ToUnixTimeMilliseconds(), CancellationToken.None).ConfigureAwait(false));
        }

        return rows.Count;
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _metrics.Dispose();
        base.Dispose();
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var count = await DispatchBatchAsync(stoppingToken).ConfigureAwait(false);
                failures = 0;
                wait = count >= _options.BatchSize ? TimeSpan.Zero : _options.PollInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database is away (or the table is missing): nothing was lost, the rows stay where they are.
                failures++;
                wait = SendFailures.Backoff(failures, _options, null);
                OutboxLog.CycleFailed(_logger, ex, wait);
            }

            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, _options.TimeProvider, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        OutboxLog.Stopped(_logger);
    }
}
