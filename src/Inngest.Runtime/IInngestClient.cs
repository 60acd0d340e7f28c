using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Inngest;

/// <summary>
/// Sends events to the Inngest Event API. <see cref="InngestClient"/> is the real implementation;
/// the typed <c>Send&lt;Name&gt;Async</c> methods the generator emits, and the helpers in
/// <see cref="InngestClientExtensions"/>, all end in <see cref="SendAsync"/>, so a test double only
/// implements this one method.
/// </summary>
public interface IInngestClient
{
    /// <summary>
    /// Sends the events in one call (split into requests of at most
    /// <see cref="InngestClientOptions.MaxEventsPerRequest"/> events and
    /// <see cref="InngestClientOptions.MaxRequestBytes"/> bytes, in order) and returns their ids in
    /// input order. Sending no events makes no request. The four exceptions below are the only ones it throws,
    /// whatever the HTTP handler pipeline, the listener or the server does.
    /// </summary>
    /// <param name="events">The events; they may be of different types.</param>
    /// <param name="options">Per-call settings such as the branch environment, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the call, including during retry delays.</param>
    /// <returns>The ids Inngest gave the events, <c>Ids[i]</c> for event <c>i</c>.</returns>
    /// <exception cref="InngestEventValidationException">An event breaks an Event API rule; nothing was sent.</exception>
    /// <exception cref="InngestConfigurationException">No event key in cloud mode; nothing was sent.</exception>
    /// <exception cref="InngestSendException">Inngest did not accept the events after all attempts, or the HTTP pipeline failed; <see cref="InngestSendException.Outcome"/> says which are stored.</exception>
    /// <exception cref="InngestSendCanceledException"><paramref name="cancellationToken"/> was cancelled, before or during the call.</exception>
    Task<InngestSendResult> SendAsync(IReadOnlyList<InngestEvent> events, InngestSendOptions? options = null, CancellationToken cancellationToken = default);
}
