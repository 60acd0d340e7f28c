using System;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Inngest.EntityFrameworkCore;

/// <summary>
/// The outbox of one <see cref="DbContext"/> (from <c>db.Inngest()</c>). Enqueueing adds a row to the context's change
/// tracker, nothing more: the event is stored by your next <c>SaveChanges</c>, in its transaction (or in yours), and is
/// sent by the dispatcher only once that commits. The generator adds one typed method per event type, such as
/// <c>db.Inngest().EnqueueOrderPlaced(order)</c>, beside the <c>SendOrderPlacedAsync</c> methods.
/// </summary>
public sealed class InngestOutbox
{
    private static readonly ConditionalWeakTable<DbContext, UnitOfWork> s_units = new();

    internal InngestOutbox(DbContext context)
    {
        Context = context;
    }

    /// <summary>The context the rows are added to.</summary>
    public DbContext Context { get; }

    /// <summary>
    /// Adds a <typeparamref name="T"/> event to the context: serialized now with the type's generated metadata, with
    /// <paramref name="id"/> as its idempotency id (else one made for the row), and <paramref name="timestamp"/> (else
    /// now) as its <c>ts</c>, so every send of the row is byte for byte the same event.
    /// </summary>
    /// <returns>The added row (its <see cref="InngestOutboxMessage.EventId"/> is the id Inngest deduplicates on).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The context's model has no outbox table (call <c>modelBuilder.AddInngestOutbox()</c>).</exception>
    public InngestOutboxMessage Enqueue<T>(T data, InngestUser? user = null, string? id = null, DateTimeOffset? timestamp = null)
        where T : IInngestEventData<T>
    {
        if (data is null)
        {
            throw new ArgumentNullException(nameof(data), $"The data of event '{T.EventName}' is null. Pass a {typeof(T).Name} instance; every typed event needs its payload.");
        }

        return Add(T.EventName, JsonSerializer.Serialize(data, T.JsonTypeInfo), T.EventVersion, user, id, timestamp);
    }

    /// <summary>
    /// Adds an untyped event whose <paramref name="data"/> is a JSON object (the counterpart of
    /// <see cref="InngestEvent.FromJson(string, JsonElement, InngestUser?, string?, DateTimeOffset?, string?)"/>).
    /// </summary>
    /// <returns>The added row.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or <paramref name="data"/> is not a JSON object.</exception>
    public InngestOutboxMessage EnqueueJson(string name, JsonElement data, InngestUser? user = null, string? id = null, DateTimeOffset? timestamp = null, string? version = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"The data of event '{name}' is a JSON {data.ValueKind}, not an object. Wrap the value in an object such as {{\"value\": ...}}.", nameof(data));
        }

        return Add(name, data.GetRawText(), version, user, id, timestamp);
    }

    private InngestOutboxMessage Add(string name, string dataJson, string? version, InngestUser? user, string? id, DateTimeOffset? timestamp)
    {
        if (id is { Length: 0 })
        {
            throw new ArgumentException($"The id of event '{name}' is empty. Pass null to have one made for the row, or a non-empty idempotency id.", nameof(id));
        }

        OutboxModel.Require(Context);
        var time = TimeProvider.System;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var rowId = Guid.NewGuid().ToString("N");
        var row = new InngestOutboxMessage
        {
            Id = rowId,
            OrderKey = OrderKeyClock.Next(time),
            GroupId = CurrentGroup(),
            EventName = name,
            EventId = id ?? "outbox-" + rowId,
            Data = dataJson,
            User = UserJson.Write(user),
            Timestamp = timestamp?.ToUnixTimeMilliseconds() ?? now,
            EventVersion = version,
            EnqueuedAt = now,
            Status = InngestOutboxStatus.Pending,
            NextAttemptAt = now,
        };
        Context.Add(row);
        return row;
    }

    // The rows of one transaction go out in order. An explicit transaction has an id of its own; without one, each
    // SaveChanges is its own transaction, so the unit of work lasts until the next save.
    private string CurrentGroup()
        => Context.Database.CurrentTransaction?.TransactionId.ToString("N") ?? s_units.GetValue(Context, static c => new UnitOfWork(c)).Id;

    private sealed class UnitOfWork
    {
        public UnitOfWork(DbContext context)
        {
            context.SavedChanges += (_, _) => Id = NewId();
            context.SaveChangesFailed += (_, _) => Id = NewId();
        }

        public string Id { get; private set; } = NewId();

        private static string NewId() => Guid.NewGuid().ToString("N");
    }
}
