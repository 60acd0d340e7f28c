using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Inngest;

/// <summary>Convenience methods over <see cref="IInngestClient.SendAsync"/>.</summary>
public static class InngestClientExtensions
{
    /// <summary>Sends one event.</summary>
    /// <param name="client">The client.</param>
    /// <param name="event">The event.</param>
    /// <param name="options">Per-call settings, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The result, whose <see cref="InngestSendResult.Ids"/> holds the one id.</returns>
    public static Task<InngestSendResult> SendAsync(this IInngestClient client, InngestEvent @event, InngestSendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(@event);
        return client.SendAsync(new[] { @event }, options, cancellationToken);
    }

    /// <summary>Sends one event whose payload type is annotated with <see cref="InngestEventAttribute"/>.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="client">The client.</param>
    /// <param name="data">The payload, sent as <c>data</c>.</param>
    /// <param name="user">Optional user identifying data.</param>
    /// <param name="id">Optional idempotency key.</param>
    /// <param name="timestamp">Optional event time; a future time schedules the run.</param>
    /// <param name="options">Per-call settings, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The result, whose <see cref="InngestSendResult.Ids"/> holds the one id.</returns>
    public static Task<InngestSendResult> SendAsync<T>(this IInngestClient client, T data, InngestUser? user = null, string? id = null, DateTimeOffset? timestamp = null, InngestSendOptions? options = null, CancellationToken cancellationToken = default)
        where T : IInngestEventData<T>
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.SendAsync(new InngestEvent[] { InngestEvent.Create(data, user, id, timestamp) }, options, cancellationToken);
    }

    /// <summary>Sends several payloads of one annotated type as one batch, in order.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="client">The client.</param>
    /// <param name="data">The payloads; each becomes one event.</param>
    /// <param name="options">Per-call settings, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The result, with one id per payload in input order.</returns>
    public static Task<InngestSendResult> SendAsync<T>(this IInngestClient client, IEnumerable<T> data, InngestSendOptions? options = null, CancellationToken cancellationToken = default)
        where T : IInngestEventData<T>
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(data);
        var events = new List<InngestEvent>(data is ICollection<T> c ? c.Count : 4);
        foreach (var item in data)
        {
            events.Add(InngestEvent.Create(item));
        }

        return client.SendAsync(events, options, cancellationToken);
    }

    /// <summary>
    /// Wraps a payload annotated with <see cref="InngestEventAttribute"/> in an event, to send it in a
    /// mixed batch: <c>inngest.SendAsync([created.ToEvent(), invoiced.ToEvent(id: "inv-1")])</c>.
    /// </summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="data">The payload.</param>
    /// <param name="user">Optional user identifying data.</param>
    /// <param name="id">Optional idempotency key.</param>
    /// <param name="timestamp">Optional event time; a future time schedules the run.</param>
    public static InngestEvent<T> ToEvent<T>(this T data, InngestUser? user = null, string? id = null, DateTimeOffset? timestamp = null)
        where T : IInngestEventData<T>
        => InngestEvent.Create(data, user, id, timestamp);
}
