using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Inngest;

namespace Inngest.Outbox.CrashChild;

/// <summary>
/// The child's client: the real <see cref="InngestClient"/>, plus a marker once Inngest acknowledged a batch, and
/// (when asked) a pause right there, so the parent can kill the process after the acknowledgement and before the
/// dispatcher marks the rows sent.
/// </summary>
internal sealed class MarkingClient : IInngestClient
{
    private readonly IInngestClient _inner;
    private readonly bool _pauseAfterAck;

    public MarkingClient(IInngestClient inner, bool pauseAfterAck)
    {
        _inner = inner;
        _pauseAfterAck = pauseAfterAck;
    }

    public async Task<InngestSendResult> SendAsync(IReadOnlyList<InngestEvent> events, InngestSendOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = await _inner.SendAsync(events, options, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"MARK acked {events.Count}");
        if (_pauseAfterAck)
        {
            await Task.Delay(500, CancellationToken.None).ConfigureAwait(false);
        }

        return result;
    }
}
