using System;
using System.Text.Json;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Inngest.EntityFrameworkCore;

/// <summary>
/// Sends one claimed batch and records what became of every row. The outcome of the client's exceptions says which
/// events were accepted (always a prefix): those are done. A permanent rejection of several events is not blamed on
/// all of them: the rest is sent again in halves (stable ids make that safe) until the rejected event is alone, and
/// only it is parked. A transient failure stops the batch: the unsent rows back off and keep their order.
/// </summary>
internal sealed class BatchSender
{
    private readonly IInngestClient _client;
    private readonly OutboxStore _store;
    private readonly InngestOutboxOptions _options;
    private readonly OutboxMetrics _metrics;
    private readonly ILogger _logger;
    private readonly string _leaseToken;
    private readonly CancellationToken _deadline;

    public BatchSender(IInngestClient client, OutboxStore store, InngestOutboxOptions options, OutboxMetrics metrics, ILogger logger, string leaseToken, CancellationToken deadline)
    {
        _client = client;
        _store = store;
        _options = options;
        _metrics = metrics;
        _logger = logger;
        _leaseToken = leaseToken;
        _deadline = deadline;
    }

    /// <summary>Sends <paramref name="rows"/> in order; false when a transient failure stopped it (the rest backs off).</summary>
    public async Task<bool> SendAsync(List<ClaimedRow> rows)
    {
        var events = new List<InngestEvent>(rows.Count);
        var sendable = new List<ClaimedRow>(rows.Count);
        foreach (var row in rows)
        {
            try
            {
                events.Add(Rebuild(row));
                sendable.Add(row);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or System.Text.Json.JsonException)
            {
                // A row whose stored text no longer reads back (edited by hand) can never be sent.
                await ParkAsync(row, "The stored event cannot be read: " + ex.Message, null).ConfigureAwait(false);
            }
        }

        return sendable.Count == 0 || await SendRangeAsync(sendable, events).ConfigureAwait(false);
    }

    // The stored JSON as the event it was enqueued as. An event whose type marks a member [InngestEncrypted] keeps that
    // declaration (from the registry of event types), so a dispatcher whose client does not encrypt it refuses the batch
    // (InngestConfigurationException: the rows back off, pending) instead of sending the member in plaintext.
    private static InngestEvent Rebuild(ClaimedRow row)
    {
        var timestamp = DateTimeOffset.FromUnixTimeMilliseconds(row.Timestamp);
        if (InngestEventRegistry.Default.EncryptedFieldOf(row.EventName, row.EventVersion) is not { } encryptedField)
        {
            return InngestEvent.FromJson(row.EventName, row.Data, UserJson.Read(row.User), row.EventId, timestamp, row.EventVersion);
        }

        using var document = JsonDocument.Parse(row.Data);
        return new JsonInngestEvent(row.EventName, document.RootElement.Clone())
        {
            User = UserJson.Read(row.User),
            Id = row.EventId,
            Timestamp = timestamp,
            Version = row.EventVersion,
            EncryptedField = encryptedField,
        };
    }

    private async Task<bool> SendRangeAsync(List<ClaimedRow> rows, List<InngestEvent> events)
    {
        try
        {
            await _client.SendAsync(events, null, _deadline).ConfigureAwait(false);
            await MarkSentAsync(rows, rows.Count).ConfigureAwait(false);
            return true;
        }
        catch (InngestEventValidationException ex) when ((uint)ex.EventIndex < (uint)rows.Count)
        {
            // Nothing was sent: the client checks every event before the first request.
            await ParkAsync(rows[ex.EventIndex], ex.Message, null).ConfigureAwait(false);
            rows = Without(rows, ex.EventIndex);
            events = Without(events, ex.EventIndex);
            return rows.Count == 0 || await SendRangeAsync(rows, events).ConfigureAwait(false);
        }
        catch (InngestSendException ex) when (SendFailures.IsRejection(ex.StatusCode))
        {
            var accepted = ex.Outcome.AcceptedIds.Count;
            await MarkSentAsync(rows, accepted).ConfigureAwait(false);
            var rest = rows.GetRange(accepted, rows.Count - accepted);
            var restEvents = events.GetRange(accepted, events.Count - accepted);
            if (rest.Count == 1)
            {
                await ParkAsync(rest[0], ex.Message, ex.StatusCode).ConfigureAwait(false);
                return true;
            }

            OutboxLog.SearchingCulprit(_logger, rest.Count, ex.StatusCode);
            var half = rest.Count / 2;
            if (!await SendRangeAsync(rest.GetRange(0, half), restEvents.GetRange(0, half)).ConfigureAwait(false))
            {
                await RetryLaterAsync(rest.GetRange(half, rest.Count - half), "not sent: an earlier event of the batch failed transiently", null, null).ConfigureAwait(false);
                return false;
            }

            return await SendRangeAsync(rest.GetRange(half, rest.Count - half), restEvents.GetRange(half, rest.Count - half)).ConfigureAwait(false);
        }
        catch (InngestSendException ex)
        {
            await MarkSentAsync(rows, ex.Outcome.AcceptedIds.Count).ConfigureAwait(false);
            await RetryLaterAsync(rows.GetRange(ex.Outcome.AcceptedIds.Count, rows.Count - ex.Outcome.AcceptedIds.Count), ex.Message, ex.StatusCode, ex.RetryAfter).ConfigureAwait(false);
            return false;
        }
        catch (InngestSendCanceledException ex)
        {
            // The lease's deadline: the rows go back (after a backoff) before another dispatcher may claim them.
            await MarkSentAsync(rows, ex.Outcome.AcceptedIds.Count).ConfigureAwait(false);
            await RetryLaterAsync(rows.GetRange(ex.Outcome.AcceptedIds.Count, rows.Count - ex.Outcome.AcceptedIds.Count), "the send outlasted the lease: " + ex.Message, null, null).ConfigureAwait(false);
            return false;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // InngestConfigurationException (no key yet), or a client of your own that threw: the rows are fine.
            await RetryLaterAsync(rows, ex.GetType().Name + ": " + ex.Message, null, null).ConfigureAwait(false);
            return false;
        }
    }

    private async Task MarkSentAsync(List<ClaimedRow> rows, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = rows[i].Id;
        }

        var now = _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        await _store.MarkSentAsync(ids, _leaseToken, now, _options.SentRetention > TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
        _metrics.Sent(count);
        OutboxLog.Sent(_logger, count);
    }

    private async Task RetryLaterAsync(List<ClaimedRow> rows, string error, int? statusCode, TimeSpan? retryAfter)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var attempts = 0;
        var ids = new string[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            ids[i] = rows[i].Id;
            attempts = Math.Max(attempts, rows[i].Attempts + 1);
        }

        var delay = SendFailures.Backoff(attempts, _options, retryAfter);
        var next = _options.TimeProvider.GetUtcNow().Add(delay).ToUnixTimeMilliseconds();
        await _store.RetryLaterAsync(ids, _leaseToken, next, error, statusCode, CancellationToken.None).ConfigureAwait(false);
        _metrics.Retried(rows.Count);
        OutboxLog.Retrying(_logger, rows.Count, statusCode, delay, error);
    }

    private async Task ParkAsync(ClaimedRow row, string error, int? statusCode)
    {
        if (await _store.ParkAsync(row.Id, _leaseToken, error, statusCode, CancellationToken.None).ConfigureAwait(false) > 0)
        {
            _metrics.Parked(1);
            OutboxLog.Parked(_logger, row.Id, row.EventName, row.EventId, row.Attempts + 1, statusCode, error);
        }
    }

    private static List<T> Without<T>(List<T> items, int index)
    {
        var copy = new List<T>(items);
        copy.RemoveAt(index);
        return copy;
    }
}
