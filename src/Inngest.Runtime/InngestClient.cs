using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Inngest;

/// <summary>
/// Sends events to the Inngest Event API (<c>POST {base}/e/{key}</c>) with retries that never
/// duplicate an event. Thread-safe; create one per application and share it.
/// </summary>
/// <example>
/// <code>
/// using var inngest = new InngestClient(); // INNGEST_EVENT_KEY, INNGEST_DEV, ... from the environment
/// var result = await inngest.SendAccountCreatedAsync(new AccountCreated("645e9f6794e10937e9bdc201", "pro"));
/// Console.WriteLine(result.Ids[0]);
/// </code>
/// </example>
public sealed class InngestClient : IInngestClient, IDisposable
{
    /// <summary>The SDK name sent in <c>User-Agent</c> and <c>x-inngest-sdk</c>.</summary>
    public const string SdkName = "inngest-dotnet-typed";

    /// <summary>The SDK version sent in <c>User-Agent</c> and <c>x-inngest-sdk</c>.</summary>
    public const string SdkVersion = PackageVersion.Value;

    internal const string SdkHeaderValue = SdkName + ":v" + SdkVersion;

    /// <summary>The caller's <see cref="HttpClient"/>, or an invoker over the client's own handler (see <see cref="AttemptSender"/>).</summary>
    private readonly HttpMessageInvoker _http;
    private readonly bool _ownsHttpClient;
    private readonly InngestSettings _settings;
    private readonly EventSender _sender;

    /// <summary>
    /// Creates a client with its own HTTP handler (pooled connections renewed every few
    /// minutes, redirects not followed), configured from <paramref name="options"/> and the environment.
    /// </summary>
    /// <param name="options">The settings; <see langword="null"/> reads everything from the environment.</param>
    /// <exception cref="InngestConfigurationException">A setting or environment variable has an unusable value.</exception>
    public InngestClient(InngestClientOptions? options = null)
        : this(null, options ?? new InngestClientOptions(), ownsHttpClient: true)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="httpClient"/> (for example one from
    /// <c>IHttpClientFactory</c>); the client does not dispose it. Its <see cref="HttpClient.BaseAddress"/>
    /// is ignored: the URL comes from the options and the environment. A redirect its handler follows is
    /// detected and fails the request (the events went elsewhere); configure the handler not to follow them.
    /// </summary>
    /// <param name="httpClient">The HTTP client to send through.</param>
    /// <param name="options">The settings; <see langword="null"/> reads everything from the environment.</param>
    /// <exception cref="InngestConfigurationException">A setting or environment variable has an unusable value.</exception>
    public InngestClient(HttpClient httpClient, InngestClientOptions? options = null)
        : this(httpClient ?? throw new ArgumentNullException(nameof(httpClient)), options ?? new InngestClientOptions(), ownsHttpClient: false)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="handler"/> without an <see cref="HttpClient"/> around it (for
    /// example the handler <c>IHttpMessageHandlerFactory.CreateHandler</c> gives, with its pipeline of delegating
    /// handlers); the client does not dispose it. Without the <see cref="HttpClient"/> layer each send saves a linked
    /// token source and an async level; nothing of it is lost, because the client sets no base address, default header
    /// or client timeout (each attempt has its own). A redirect the handler follows is detected and fails the request.
    /// </summary>
    /// <param name="handler">The HTTP handler to send through.</param>
    /// <param name="options">The settings; <see langword="null"/> reads everything from the environment.</param>
    /// <exception cref="InngestConfigurationException">A setting or environment variable has an unusable value.</exception>
    public InngestClient(HttpMessageHandler handler, InngestClientOptions? options = null)
        : this(new HttpMessageInvoker(handler ?? throw new ArgumentNullException(nameof(handler)), disposeHandler: false), options ?? new InngestClientOptions(), ownsHttpClient: false)
    {
    }

    private InngestClient(HttpMessageInvoker? httpClient, InngestClientOptions options, bool ownsHttpClient)
    {
        var errors = ClientOptionsRules.Validate(options, ClientOptionsRules.DefaultPrefix, out var settings);
        if (errors.Count > 0)
        {
            throw new InngestConfigurationException(errors.Count == 1 ? errors[0] : string.Join(" ", errors));
        }

        _settings = settings!;
        _ownsHttpClient = ownsHttpClient;
        _http = httpClient ?? CreateInvoker(); // created only once the settings are known to work, so nothing leaks on a bad setting
        var retry = options.Retry.Clone();
        var time = options.TimeProvider ?? TimeProvider.System;
        var redactor = new Redactor(_settings.EventKey, _settings.EventUrl);
        var resolver = options.JsonTypeInfoResolver is null ? JsonMetadataResolver.Default : new JsonMetadataResolver(options.JsonTypeInfoResolver);
        var attempts = new AttemptSender(_http, propagateTraceContext: _ownsHttpClient, time, retry.AttemptTimeout, redactor);
        var limits = new ClientLimits(options.MaxEventsPerRequest, options.MaxRequestBytes, options.MaxEventBytes);
        var middleware = SendMiddlewarePipeline.Create(options.SendMiddleware, resolver);
        _sender = new EventSender(_settings, limits, resolver, attempts, retry, options.Listener, time, redactor, middleware);
    }

    /// <summary>Whether the client sends to a dev server (<see langword="true"/>) or to Inngest Cloud.</summary>
    public bool IsDev => _settings.IsDev;

    /// <summary>The Event API base URL events are sent under (it never holds the key).</summary>
    public Uri EventApiBaseUrl => _settings.EventBaseUrl;

    /// <summary>The branch environment sent as <c>x-inngest-env</c>, or <see langword="null"/> for none.</summary>
    public string? Env => _settings.Env;

    /// <summary>Whether an event key is known (from the options, the environment, or the dev placeholder).</summary>
    public bool HasEventKey => _settings.EventUrl is not null;

    /// <inheritdoc />
    public Task<InngestSendResult> SendAsync(IReadOnlyList<InngestEvent> events, InngestSendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Count == 0 ? Task.FromResult(InngestSendResult.Empty) : _sender.SendAsync(events, options, cancellationToken);
    }

    /// <summary>Disposes the HTTP handler if the client created it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _http.Dispose();
        }
    }

    /// <summary>Describes the client's mode, base URL and environment, never the event key.</summary>
    public override string ToString()
        => $"InngestClient {{ Mode = {(IsDev ? "dev" : "cloud")}, EventApiBaseUrl = {EventApiBaseUrl}, Env = {Env ?? "(none)"}, EventKey = {(HasEventKey ? "***" : "(unset)")} }}";

    // No HttpClient around the handler: the client sets none of its features (base address, default headers, timeout:
    // every attempt has its own), and its layer costs a linked token source and an async level per request.
    private static HttpMessageInvoker CreateInvoker() => new(
        new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ActivityHeadersPropagator = null, // no HttpRequestOut span or diagnostics events, whose URL would hold the key; AttemptSender propagates instead
        },
        disposeHandler: true);
}
