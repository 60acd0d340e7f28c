using System;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Inngest.EntityFrameworkCore;

/// <summary>Finds the outbox table in a context's model, with a message that says how to add it when it is missing.</summary>
internal static class OutboxModel
{
    public static IEntityType Require(DbContext context)
        => context.Model.FindEntityType(typeof(InngestOutboxMessage))
           ?? throw new InvalidOperationException(
               $"The model of {context.GetType().Name} has no Inngest outbox table. Call modelBuilder.AddInngestOutbox() in its OnModelCreating and add a migration.");

    /// <summary>The table's name as SQL, quoted, with its schema when it has one.</summary>
    public static string QuotedTable(DbContext context)
    {
        var entity = Require(context);
        var table = entity.GetTableName() ?? OutboxModelBuilderExtensions.DefaultTableName;
        var schema = entity.GetSchema();
        return schema is null ? Quote(table) : Quote(schema) + "." + Quote(table);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
