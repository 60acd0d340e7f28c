using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using Inngest;
using Inngest.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Inngest.Typed client in an <see cref="IServiceCollection"/>.</summary>
public static class InngestServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the client sends through: <c>Inngest</c>.</summary>
    public const string HttpClientName = "Inngest";

    /// <summary>
    /// Registers <see cref="IInngestClient"/> (transient, over the <see cref="HttpClient"/> named
    /// <see cref="HttpClientName"/> from <c>IHttpClientFactory</c>: its handler pipeline, or the client itself when the
    /// application configures it with <c>ConfigureHttpClient</c>) with <see cref="InngestOptions"/> bound from the
    /// <c>Inngest</c> section of the container's <see cref="IConfiguration"/>, the <c>INNGEST_*</c> environment
    /// variables for whatever is unset, and <paramref name="configure"/> last. The options are validated when the
    /// host starts. Sends are logged through <c>ILogger</c> (category <c>Inngest.InngestClient</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes applied after the configuration section, or <see langword="null"/>.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>, to add handlers such as <c>AddStandardResilienceHandler()</c>.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddInngest();                                   // "Inngest" section + INNGEST_* variables
    /// builder.Services.AddInngest(o => o.Env = "feature-branch");      // plus code
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddInngest(this IServiceCollection services, Action<InngestOptions>? configure = null)
        => AddInngestCore(services, section: null, configure);

    /// <summary>
    /// Registers <see cref="IInngestClient"/> like <see cref="AddInngest(IServiceCollection, Action{InngestOptions}?)"/>,
    /// binding <see cref="InngestOptions"/> from <paramref name="configuration"/> (for example
    /// <c>builder.Configuration.GetSection("Messaging:Inngest")</c>) instead of the <c>Inngest</c> section.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the settings.</param>
    /// <param name="configure">Changes applied after the configuration section, or <see langword="null"/>.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddInngest(this IServiceCollection services, IConfiguration configuration, Action<InngestOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return AddInngestCore(services, configuration, configure);
    }

    private static IHttpClientBuilder AddInngestCore(IServiceCollection services, IConfiguration? section, Action<InngestOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(InngestBindingErrors))
            {
                // Already registered: only add the new settings.
                if (section is not null)
                {
                    services.AddSingleton<IConfigureOptions<InngestOptions>>(sp => new InngestConfigureFromConfiguration(sp, sp.GetRequiredService<InngestBindingErrors>(), section));
                }

                if (configure is not null)
                {
                    services.Configure(configure);
                }

                return services.AddHttpClient(HttpClientName);
            }
        }

        services.AddSingleton<InngestBindingErrors>();
        services.AddSingleton<IConfigureOptions<InngestOptions>>(sp => new InngestConfigureFromConfiguration(sp, sp.GetRequiredService<InngestBindingErrors>(), section));
        services.AddSingleton<IOptionsChangeTokenSource<InngestOptions>>(sp =>
            new InngestChangeTokenSource(section ?? sp.GetService<IConfiguration>()?.GetSection(InngestOptions.SectionName)));
        var options = services.AddOptions<InngestOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InngestOptions>, InngestOptionsValidator>());

        var http = services.AddHttpClient(HttpClientName);
        services.AddTransient<IInngestClient>(static sp => CreateInngestClient(sp));
        http.ConfigureHttpClient(InfiniteTimeout);
        http.ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // a redirect would re-send the key to another address
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5), // DNS changes are picked up even if a handler outlives its rotation
            ActivityHeadersPropagator = null, // no HTTP span or diagnostics events, whose payloads carry the URL and so the key
        });

        // After all configuration, the application's own included: no redirects whatever the primary handler, trace context without diagnostics.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, InngestHandlerFilter>());

        // IHttpClientFactory's request logging writes the URL, whose path holds the event key; the client logs its sends itself.
        http.RemoveAllLoggers();
        return http;
    }

    /// <summary>The client times each attempt itself; the only setting the package makes on the <see cref="HttpClient"/>.</summary>
    private static readonly Action<HttpClient> InfiniteTimeout = static client => client.Timeout = Timeout.InfiniteTimeSpan;

    private static IInngestClient CreateInngestClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptionsMonitor<InngestOptions>>().Get(Options.Options.DefaultName);
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger<InngestClient>() ?? NullLogger<InngestClient>.Instance;
        InngestSendListener listener = new InngestLoggingListener(logger);
        if (options.Listener is { } extra)
        {
            listener = new CompositeListener(listener, extra);
        }

        // Send middleware registered as services first (registration order, resolved from the scope creating the
        // client), then InngestOptions.SendMiddleware: see InngestOptions.SendMiddleware for the rule.
        var registered = services.GetServices<InngestSendMiddleware>();
        var clientOptions = options.ToClientOptions(services.GetService<TimeProvider>() ?? TimeProvider.System, listener, registered);
        var client = ConfiguresHttpClient(services)
            ? new InngestClient(services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), clientOptions)
            : new InngestClient(services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HttpClientName), clientOptions);
        if (options.RedactEventKeyInHttpTelemetry)
        {
            InngestHttpTelemetry.RedactEventUrls(client.EventApiBaseUrl);
        }

        return client;
    }

    /// <summary>
    /// Whether the application changes the <see cref="HttpClient"/> itself (<c>ConfigureHttpClient</c> on the builder
    /// <see cref="AddInngest(IServiceCollection, Action{InngestOptions}?)"/> returns, <c>ConfigureHttpClientDefaults</c>,
    /// or an <c>AddHttpClient("Inngest", ...)</c> of its own): default headers or a timeout of its own then apply, so
    /// the client sends through an <see cref="HttpClient"/> from the factory. Otherwise it sends through the factory's
    /// handler (the same pipeline: primary handler, delegating handlers, rotation) without the HttpClient layer, which
    /// would add only a linked token source and an async level per send.
    /// </summary>
    private static bool ConfiguresHttpClient(IServiceProvider services)
    {
        var actions = services.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(HttpClientName).HttpClientActions;
        foreach (var action in actions)
        {
            if (!ReferenceEquals(action, InfiniteTimeout))
            {
                return true;
            }
        }

        return false;
    }
}
