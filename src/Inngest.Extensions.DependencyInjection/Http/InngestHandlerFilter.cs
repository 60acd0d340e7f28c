using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Inngest.Extensions.DependencyInjection;

/// <summary>
/// Runs after every configuration of the <c>Inngest</c> HTTP client, the application's own included, so its rules
/// hold whatever handler the application sets with <c>ConfigurePrimaryHttpMessageHandler</c>:
/// <list type="bullet">
/// <item>the primary handler never follows redirects (a <c>new HttpClientHandler()</c>, set to use a proxy, follows
/// them by default, and a 307 would re-post the key and the events to another host);</item>
/// <item>with the package's own primary handler, which makes no HTTP diagnostics (their payloads carry the URL, and
/// the URL carries the key), <see cref="TraceContextHandler"/> writes the trace context instead.</item>
/// </list>
/// </summary>
internal sealed class InngestHandlerFilter : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
        => builder =>
        {
            next(builder);
            if (builder.Name != InngestServiceCollectionExtensions.HttpClientName)
            {
                return;
            }

            switch (builder.PrimaryHandler)
            {
                case SocketsHttpHandler sockets:
                    sockets.AllowAutoRedirect = false;
                    if (sockets.ActivityHeadersPropagator is null)
                    {
                        builder.AdditionalHandlers.Add(new TraceContextHandler());
                    }

                    break;
                case HttpClientHandler client:
                    client.AllowAutoRedirect = false;
                    break;

                // Any other handler: InngestClient itself refuses an answer that comes from a followed redirect.
            }
        };
}
