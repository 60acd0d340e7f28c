using System;
using Microsoft.EntityFrameworkCore;

namespace Inngest.EntityFrameworkCore;

/// <summary>What the claim statement needs to know about the database: whether rows can be locked and skipped.</summary>
internal enum OutboxDialect
{
    /// <summary>SQLite: one writer at a time, so the claim statement is atomic by itself; meant for one dispatcher.</summary>
    Sqlite,

    /// <summary>PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>, so concurrent dispatchers claim disjoint rows without waiting.</summary>
    PostgreSql,

    /// <summary>Another relational provider: the claim is one conditional UPDATE, safe with one dispatcher.</summary>
    Other,
}

internal static class OutboxDialects
{
    public static OutboxDialect Of(DbContext context)
        => context.Database.ProviderName switch
        {
            "Npgsql.EntityFrameworkCore.PostgreSQL" => OutboxDialect.PostgreSql,
            "Microsoft.EntityFrameworkCore.Sqlite" => OutboxDialect.Sqlite,
            _ when context.Database.ProviderName?.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) == true => OutboxDialect.Sqlite,
            _ => OutboxDialect.Other,
        };
}
