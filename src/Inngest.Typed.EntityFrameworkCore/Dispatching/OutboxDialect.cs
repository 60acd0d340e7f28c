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

}

internal static class OutboxDialects
{
    /// <summary>The context's dialect; throws for a provider the claim statement cannot run on.</summary>
    public static OutboxDialect Of(DbContext context)
        => context.Database.ProviderName switch
        {
            "Npgsql.EntityFrameworkCore.PostgreSQL" => OutboxDialect.PostgreSql,
            "Microsoft.EntityFrameworkCore.Sqlite" => OutboxDialect.Sqlite,
            _ when context.Database.ProviderName?.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) == true => OutboxDialect.Sqlite,
            // The claim statement needs LIMIT and RETURNING (SQL Server would need TOP, OUTPUT and READPAST).
            var other => throw new NotSupportedException(
                $"The Inngest outbox dispatcher supports PostgreSQL (Npgsql.EntityFrameworkCore.PostgreSQL) and SQLite (Microsoft.EntityFrameworkCore.Sqlite); {typeof(DbContext).Name} {context.GetType().Name} uses '{other}'. Enqueueing works on any provider, but dispatch from one of those two."),
        };
}
