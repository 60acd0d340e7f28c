using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using C = Inngest.EntityFrameworkCore.OutboxColumns;

namespace Inngest.EntityFrameworkCore;

/// <summary>
/// The dispatcher's statements on the outbox table, in plain ADO.NET over the context's own connection: each one is a
/// single statement (atomic by itself), and none depends on an EF Core API that changed between EF Core 8 and 10.
/// Every change to a claimed row checks the claim's lease token, so a dispatcher whose lease ran out changes nothing.
/// </summary>
internal sealed class OutboxStore
{
    private const string Columns = C.Id + ", " + C.OrderKey + ", " + C.GroupId + ", " + C.EventName + ", " + C.EventId + ", " + C.Data + ", "
        + C.User + ", " + C.Timestamp + ", " + C.EventVersion + ", " + C.EnqueuedAt + ", " + C.Attempts;

    private readonly DbContext _db;
    private readonly string _table;
    private OutboxDialect? _dialect;

    public OutboxStore(DbContext db)
    {
        _db = db;
        _table = OutboxModel.QuotedTable(db);
    }

    /// <summary>Only the claim depends on it; the other statements are plain SQL every relational database runs.</summary>
    public OutboxDialect Dialect => _dialect ??= OutboxDialects.Of(_db);

    /// <summary>
    /// Leases up to <paramref name="batchSize"/> due rows in dispatch order (skipping rows another dispatcher has locked
    /// on PostgreSQL), then gives back the ones that would overtake an earlier pending row of their transaction that
    /// this claim does not hold, so the rows of one transaction are always sent in order.
    /// </summary>
    public async Task<List<ClaimedRow>> ClaimAsync(int batchSize, long now, long leaseUntil, string leaseToken, CancellationToken ct)
    {
        var lockClause = Dialect == OutboxDialect.PostgreSql ? " FOR UPDATE SKIP LOCKED" : string.Empty;
        var sql = $"UPDATE {_table} SET {C.LeaseToken} = @token, {C.LeaseUntil} = @until WHERE {C.Id} IN ("
            + $"SELECT {C.Id} FROM {_table} WHERE {C.Status} = 0 AND {C.NextAttemptAt} <= @now AND ({C.LeaseUntil} IS NULL OR {C.LeaseUntil} < @now) "
            + $"ORDER BY {C.OrderKey}, {C.Id} LIMIT {batchSize.ToString(CultureInfo.InvariantCulture)}{lockClause}) "
            + $"RETURNING {Columns}";
        var rows = new List<ClaimedRow>();
        await using (var command = await CommandAsync(sql, ct).ConfigureAwait(false))
        {
            Add(command, "@token", leaseToken);
            Add(command, "@until", leaseUntil);
            Add(command, "@now", now);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                rows.Add(new ClaimedRow(
                    reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetInt64(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                    reader.GetInt64(9), reader.GetInt32(10)));
            }
        }

        if (rows.Count == 0)
        {
            return rows;
        }

        rows.Sort(static (a, b) => a.OrderKey != b.OrderKey ? a.OrderKey.CompareTo(b.OrderKey) : string.CompareOrdinal(a.Id, b.Id));
        var firstOutsideClaim = await FirstPendingOutsideClaimAsync(rows, ct).ConfigureAwait(false);
        if (firstOutsideClaim.Count == 0)
        {
            return rows;
        }

        var kept = new List<ClaimedRow>(rows.Count);
        var givenBack = new List<string>();
        foreach (var row in rows)
        {
            if (firstOutsideClaim.TryGetValue(row.GroupId, out var blocker) && blocker < row.OrderKey)
            {
                givenBack.Add(row.Id);
            }
            else
            {
                kept.Add(row);
            }
        }

        if (givenBack.Count > 0)
        {
            await ReleaseAsync(givenBack, leaseToken, ct).ConfigureAwait(false);
        }

        return kept;
    }

    /// <summary>Accepted rows: deleted, or marked sent when sent rows are retained.</summary>
    public Task<int> MarkSentAsync(IReadOnlyList<string> ids, string leaseToken, long now, bool retain, CancellationToken ct)
        => retain
            ? ExecuteForIdsAsync($"UPDATE {_table} SET {C.Status} = 1, {C.SentAt} = @now, {C.LeaseToken} = NULL, {C.LeaseUntil} = NULL", ids, leaseToken, ct, ("@now", now))
            : ExecuteForIdsAsync($"DELETE FROM {_table}", ids, leaseToken, ct);

    /// <summary>Rows that failed transiently: one more attempt counted, retried after <paramref name="nextAttemptAt"/>.</summary>
    public Task<int> RetryLaterAsync(IReadOnlyList<string> ids, string leaseToken, long nextAttemptAt, string error, int? statusCode, CancellationToken ct)
        => ExecuteForIdsAsync(
            $"UPDATE {_table} SET {C.Attempts} = {C.Attempts} + 1, {C.NextAttemptAt} = @next, {C.LastError} = @error, {C.LastStatusCode} = {StatusSql(statusCode)}, {C.LeaseToken} = NULL, {C.LeaseUntil} = NULL",
            ids, leaseToken, ct, ("@next", nextAttemptAt), ("@error", error));

    /// <summary>A row Inngest (or the client) permanently refused: parked with its error, never retried by itself.</summary>
    public Task<int> ParkAsync(string id, string leaseToken, string error, int? statusCode, CancellationToken ct)
        => ExecuteForIdsAsync(
            $"UPDATE {_table} SET {C.Status} = 2, {C.Attempts} = {C.Attempts} + 1, {C.LastError} = @error, {C.LastStatusCode} = {StatusSql(statusCode)}, {C.LeaseToken} = NULL, {C.LeaseUntil} = NULL",
            [id], leaseToken, ct, ("@error", error));

    /// <summary>Claimed rows that were not sent: back to the pool, no attempt counted.</summary>
    public Task<int> ReleaseAsync(IReadOnlyList<string> ids, string leaseToken, CancellationToken ct)
        => ExecuteForIdsAsync($"UPDATE {_table} SET {C.LeaseToken} = NULL, {C.LeaseUntil} = NULL", ids, leaseToken, ct);

    /// <summary>Deletes sent rows older than <paramref name="sentBefore"/>.</summary>
    public async Task<int> DeleteSentBeforeAsync(long sentBefore, CancellationToken ct)
    {
        await using var command = await CommandAsync($"DELETE FROM {_table} WHERE {C.Status} = 1 AND {C.SentAt} < @before", ct).ConfigureAwait(false);
        Add(command, "@before", sentBefore);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Counts per status and the oldest pending row's enqueue time.</summary>
    public async Task<InngestOutboxStatistics> StatisticsAsync(long now, CancellationToken ct)
    {
        long pending = 0, parked = 0, sent = 0;
        long? oldestPending = null;
        await using var command = await CommandAsync($"SELECT {C.Status}, COUNT(*), MIN({C.EnqueuedAt}) FROM {_table} GROUP BY {C.Status}", ct).ConfigureAwait(false);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var count = reader.GetInt64(1);
            switch ((InngestOutboxStatus)reader.GetInt32(0))
            {
                case InngestOutboxStatus.Pending:
                    pending = count;
                    oldestPending = reader.IsDBNull(2) ? null : reader.GetInt64(2);
                    break;
                case InngestOutboxStatus.Parked:
                    parked = count;
                    break;
                case InngestOutboxStatus.Sent:
                    sent = count;
                    break;
            }
        }

        var age = oldestPending is { } oldest ? TimeSpan.FromMilliseconds(Math.Max(0, now - oldest)) : TimeSpan.Zero;
        return new InngestOutboxStatistics(pending, parked, sent, age);
    }

    /// <summary>Parked rows back to pending (attempts and error kept, so the history stays visible).</summary>
    public async Task<int> RequeueParkedAsync(IReadOnlyList<string>? ids, long now, CancellationToken ct)
    {
        var sql = new StringBuilder($"UPDATE {_table} SET {C.Status} = 0, {C.NextAttemptAt} = @now WHERE {C.Status} = 2");
        await using var command = await CommandAsync(string.Empty, ct).ConfigureAwait(false);
        Add(command, "@now", now);
        if (ids is not null)
        {
            AppendIdList(sql, command, ids);
        }

        command.CommandText = sql.ToString();
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private async Task<Dictionary<string, long>> FirstPendingOutsideClaimAsync(List<ClaimedRow> claimed, CancellationToken ct)
    {
        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in claimed)
        {
            groups.Add(row.GroupId);
        }

        var sql = new StringBuilder($"SELECT {C.GroupId}, MIN({C.OrderKey}) FROM {_table} WHERE {C.Status} = 0 AND {C.GroupId} IN (");
        await using var command = await CommandAsync(string.Empty, ct).ConfigureAwait(false);
        var i = 0;
        foreach (var group in groups)
        {
            sql.Append(i == 0 ? "@g" : ", @g").Append(i.ToString(CultureInfo.InvariantCulture));
            Add(command, "@g" + i.ToString(CultureInfo.InvariantCulture), group);
            i++;
        }

        sql.Append(") AND ").Append(C.Id).Append(" NOT IN (");
        for (var k = 0; k < claimed.Count; k++)
        {
            sql.Append(k == 0 ? "@c" : ", @c").Append(k.ToString(CultureInfo.InvariantCulture));
            Add(command, "@c" + k.ToString(CultureInfo.InvariantCulture), claimed[k].Id);
        }

        sql.Append(") GROUP BY ").Append(C.GroupId);
        command.CommandText = sql.ToString();
        var first = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            first[reader.GetString(0)] = reader.GetInt64(1);
        }

        return first;
    }

    private async Task<int> ExecuteForIdsAsync(string statement, IReadOnlyList<string> ids, string leaseToken, CancellationToken ct, params (string Name, object Value)[] values)
    {
        if (ids.Count == 0)
        {
            return 0;
        }

        var sql = new StringBuilder(statement).Append(" WHERE ").Append(C.LeaseToken).Append(" = @token");
        await using var command = await CommandAsync(string.Empty, ct).ConfigureAwait(false);
        Add(command, "@token", leaseToken);
        foreach (var (name, value) in values)
        {
            Add(command, name, value);
        }

        AppendIdList(sql, command, ids);
        command.CommandText = sql.ToString();
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static void AppendIdList(StringBuilder sql, DbCommand command, IReadOnlyList<string> ids)
    {
        sql.Append(" AND ").Append(C.Id).Append(" IN (");
        for (var i = 0; i < ids.Count; i++)
        {
            var name = "@id" + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? name : ", " + name);
            Add(command, name, ids[i]);
        }

        sql.Append(')');
    }

    private static string StatusSql(int? statusCode) => statusCode?.ToString(CultureInfo.InvariantCulture) ?? "NULL";

    private async Task<DbCommand> CommandAsync(string sql, CancellationToken ct)
    {
        await _db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

/// <summary>A leased row, with what is needed to send it.</summary>
internal sealed record ClaimedRow(
    string Id, long OrderKey, string GroupId, string EventName, string EventId, string Data, string? User, long Timestamp, string? EventVersion, long EnqueuedAt, int Attempts);
