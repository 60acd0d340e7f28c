using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Inngest.Extensions.DependencyInjection;

/// <summary>
/// The outermost handler of the Inngest <see cref="HttpClient"/>. Handlers added after <c>AddInngest</c> (a
/// resilience pipeline's timeout, circuit breaker or rate limiter) throw their own exception types; the client only
/// understands <see cref="HttpRequestException"/>, <see cref="IOException"/> and cancellation as "no answer", so
/// anything else is wrapped in an <see cref="HttpRequestException"/>. The send then fails (or is retried) as an
/// unacknowledged attempt with an <see cref="InngestSendException"/>, instead of escaping raw.
/// </summary>
internal sealed class TransportErrorHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not (HttpRequestException or IOException or OperationCanceledException))
        {
            throw new HttpRequestException($"The HTTP handler pipeline failed the request: {ex.GetType().Name}: {ex.Message}", ex);
        }
    }
}
