using System;
using Microsoft.EntityFrameworkCore;

namespace Inngest.EntityFrameworkCore;

/// <summary>Adds the outbox table to your own model, so it is created by your migrations and saved in your transactions.</summary>
public static class OutboxModelBuilderExtensions
{
    /// <summary>The default table name.</summary>
    public const string DefaultTableName = "inngest_outbox";

    /// <summary>
    /// Maps <see cref="InngestOutboxMessage"/> to the table <paramref name="tableName"/> (in <paramref name="schema"/>,
    /// or the model's default). Call it from <c>OnModelCreating</c>, then add a migration as usual
    /// (<c>dotnet ef migrations add AddInngestOutbox</c>).
    /// </summary>
    /// <returns>The same builder.</returns>
    public static ModelBuilder AddInngestOutbox(this ModelBuilder modelBuilder, string tableName = DefaultTableName, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        modelBuilder.Entity<InngestOutboxMessage>(row =>
        {
            row.ToTable(tableName, schema);
            row.HasKey(m => m.Id);
            row.Property(m => m.Id).HasColumnName(OutboxColumns.Id).HasMaxLength(32).ValueGeneratedNever();
            row.Property(m => m.OrderKey).HasColumnName(OutboxColumns.OrderKey);
            row.Property(m => m.GroupId).HasColumnName(OutboxColumns.GroupId).HasMaxLength(32).IsRequired();
            row.Property(m => m.EventName).HasColumnName(OutboxColumns.EventName).HasMaxLength(256).IsRequired();
            row.Property(m => m.EventId).HasColumnName(OutboxColumns.EventId).IsRequired();
            row.Property(m => m.Data).HasColumnName(OutboxColumns.Data).IsRequired();
            row.Property(m => m.User).HasColumnName(OutboxColumns.User);
            row.Property(m => m.Timestamp).HasColumnName(OutboxColumns.Timestamp);
            row.Property(m => m.EventVersion).HasColumnName(OutboxColumns.EventVersion);
            row.Property(m => m.EnqueuedAt).HasColumnName(OutboxColumns.EnqueuedAt);
            row.Property(m => m.Status).HasColumnName(OutboxColumns.Status).HasConversion<int>();
            row.Property(m => m.Attempts).HasColumnName(OutboxColumns.Attempts);
            row.Property(m => m.NextAttemptAt).HasColumnName(OutboxColumns.NextAttemptAt);
            row.Property(m => m.LeaseToken).HasColumnName(OutboxColumns.LeaseToken).HasMaxLength(32);
            row.Property(m => m.LeaseUntil).HasColumnName(OutboxColumns.LeaseUntil);
            row.Property(m => m.LastError).HasColumnName(OutboxColumns.LastError);
            row.Property(m => m.LastStatusCode).HasColumnName(OutboxColumns.LastStatusCode);
            row.Property(m => m.SentAt).HasColumnName(OutboxColumns.SentAt);
            // The claim reads pending rows in dispatch order; the ordering check reads a group's pending rows;
            // retention deletes old sent rows.
            row.HasIndex(m => new { m.Status, m.OrderKey }).HasDatabaseName(tableName + "_status_order");
            row.HasIndex(m => new { m.GroupId, m.Status }).HasDatabaseName(tableName + "_group_status");
            row.HasIndex(m => new { m.Status, m.SentAt }).HasDatabaseName(tableName + "_status_sent");
        });
        return modelBuilder;
    }
}
