using System;
using Microsoft.EntityFrameworkCore;

namespace Inngest.EntityFrameworkCore;

/// <summary>The entry point of the outbox on your <see cref="DbContext"/>.</summary>
public static class InngestDbContextExtensions
{
    /// <summary>The context's outbox: <c>db.Inngest().EnqueueOrderPlaced(order)</c>, then <c>db.SaveChanges()</c>.</summary>
    /// <returns>A light view over <paramref name="context"/>; make one whenever you need it.</returns>
    public static InngestOutbox Inngest(this DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new InngestOutbox(context);
    }
}
