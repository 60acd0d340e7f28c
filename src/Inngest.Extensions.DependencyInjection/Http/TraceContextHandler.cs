using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Inngest.Extensions.DependencyInjection;

/// <summary>
/// The innermost handler when the primary handler makes no HTTP diagnostics: writes the W3C trace context of the
/// current span (the client's <c>inngest.send</c> span, or a resilience handler's) into every attempt, as .NET's
/// diagnostics handler would, without publishing the request and its URL.
/// </summary>
internal sealed class TraceContextHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Activity.Current is { } current)
        {
            DistributedContextPropagator.Current.Inject(current, request, static (carrier, name, value) =>
            {
                if (carrier is HttpRequestMessage message && name is not null)
                {
                    message.Headers.Remove(name);
                    message.Headers.TryAddWithoutValidation(name, value);
                }
            });
        }

        return base.SendAsync(request, cancellationToken);
    }
}
