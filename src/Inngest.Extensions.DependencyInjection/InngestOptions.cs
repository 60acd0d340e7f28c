using System;
using System.Collections.Generic;
using System.Text.Json.Serialization.Metadata;

namespace Inngest.Extensions.DependencyInjection;

/// <summary>
/// The settings of the <see cref="IInngestClient"/> registered by
/// <c>services.AddInngest()</c>.
/// Bound from the <c>Inngest</c> configuration section (for example <c>"Inngest": { "EventKey": "...", "MaxAttempts": 3 }</c>
/// in appsettings.json, or <c>Inngest__EventKey</c> as an environment variable); every setting left unset still
/// falls back to the standard <c>INNGEST_*</c> environment variables, exactly as <see cref="InngestClient"/> does.
/// </summary>
public sealed class InngestOptions
{
    /// <summary>The configuration section bound by default: <c>Inngest</c>.</summary>
    public const string SectionName = "Inngest";

    /// <summary>The client settings these options hold: their defaults are the runtime's, never restated here.</summary>
    private readonly InngestClientOptions _client = new();

    /// <summary>
    /// The event key (<see cref="InngestClientOptions.EventKey"/>). Falls back to <c>INNGEST_EVENT_KEY</c>.
    /// Keep it in a secret store or environment variable rather than appsettings.json. Never logged.
    /// </summary>
    public string? EventKey { get => _client.EventKey; set => _client.EventKey = value; }

    /// <summary><see langword="true"/> to send to a local dev server (<see cref="InngestClientOptions.IsDev"/>). Falls back to <c>INNGEST_DEV</c>.</summary>
    public bool? IsDev { get => _client.IsDev; set => _client.IsDev = value; }

    /// <summary>The Event API base URL (<see cref="InngestClientOptions.BaseUrl"/>). Falls back to <c>INNGEST_EVENT_API_BASE_URL</c> and <c>INNGEST_BASE_URL</c>.</summary>
    public string? BaseUrl { get => _client.BaseUrl; set => _client.BaseUrl = value; }

    /// <summary>The branch environment sent as <c>x-inngest-env</c> (<see cref="InngestClientOptions.Env"/>). Falls back to <c>INNGEST_ENV</c> and the CI branch variables.</summary>
    public string? Env { get => _client.Env; set => _client.Env = value; }

    /// <summary>The most HTTP attempts per request, the first included (<see cref="InngestClientOptions.MaxAttempts"/>). Default 5.</summary>
    public int MaxAttempts { get => _client.MaxAttempts; set => _client.MaxAttempts = value; }

    /// <summary>
    /// <see langword="false"/> turns the client's own retries off (one attempt per request, whatever
    /// <see cref="MaxAttempts"/> says), for when a resilience handler such as
    /// <c>AddStandardResilienceHandler()</c> on the returned <c>IHttpClientBuilder</c> retries instead, so
    /// nothing is retried twice. Default <see langword="true"/>. See docs/dependency-injection.md.
    /// </summary>
    public bool BuiltInRetries { get; set; } = true;

    /// <summary>The delay before the second attempt, doubled before each further one (<see cref="InngestClientOptions.InitialRetryDelay"/>). Default 100 ms.</summary>
    public TimeSpan InitialRetryDelay { get => _client.InitialRetryDelay; set => _client.InitialRetryDelay = value; }

    /// <summary>The most random jitter added to each retry delay (<see cref="InngestClientOptions.MaxRetryJitter"/>). Default 100 ms.</summary>
    public TimeSpan MaxRetryJitter { get => _client.MaxRetryJitter; set => _client.MaxRetryJitter = value; }

    /// <summary>The longest wait between two attempts (<see cref="InngestClientOptions.MaxRetryDelay"/>). Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get => _client.MaxRetryDelay; set => _client.MaxRetryDelay = value; }

    /// <summary>
    /// How long one HTTP attempt may take (<see cref="InngestClientOptions.AttemptTimeout"/>). Default 30 s. With a
    /// resilience handler this bounds the whole handler pipeline, its retries included: set it above the
    /// pipeline's total timeout.
    /// </summary>
    public TimeSpan AttemptTimeout { get => _client.AttemptTimeout; set => _client.AttemptTimeout = value; }

    /// <summary>The largest serialized event accepted before sending (<see cref="InngestClientOptions.MaxEventBytes"/>). Default 3 MiB.</summary>
    public int MaxEventBytes { get => _client.MaxEventBytes; set => _client.MaxEventBytes = value; }

    /// <summary>The most events in one request (<see cref="InngestClientOptions.MaxEventsPerRequest"/>). Default and maximum 5,000.</summary>
    public int MaxEventsPerRequest { get => _client.MaxEventsPerRequest; set => _client.MaxEventsPerRequest = value; }

    /// <summary>The largest request body in bytes (<see cref="InngestClientOptions.MaxRequestBytes"/>); calls are split by it. Default 3 MiB.</summary>
    public int MaxRequestBytes { get => _client.MaxRequestBytes; set => _client.MaxRequestBytes = value; }

    /// <summary>
    /// Allows a real event key over plain <c>http://</c> to another machine (<see cref="InngestClientOptions.AllowInsecureHttp"/>),
    /// for a self-hosted Inngest server inside a trusted network. Default <see langword="false"/>.
    /// </summary>
    public bool AllowInsecureHttp { get => _client.AllowInsecureHttp; set => _client.AllowInsecureHttp = value; }

    /// <summary>
    /// Whether a send fails application start-up (through <c>ValidateOnStart</c>) when no event key is
    /// configured in cloud mode. Default <see langword="true"/>; set <see langword="false"/> for apps that run
    /// without Inngest in some environments (their sends then throw <see cref="InngestConfigurationException"/>).
    /// </summary>
    public bool RequireEventKey { get; set; } = true;

    /// <summary>
    /// Whether the client's HTTP requests are hidden from <c>IHttpClientFactory</c>'s own request logging
    /// (which writes the request URL, whose path holds the event key) and, when a primary handler of yours makes HTTP
    /// spans (the package's own makes none), their <c>url.full</c> tag is redacted to <c>{base}/e/***</c>. Default
    /// <see langword="true"/>. The client logs its sends itself.
    /// </summary>
    public bool RedactEventKeyInHttpTelemetry { get; set; } = true;

    /// <summary>Extra JSON metadata for payload members the generator cannot describe (<see cref="InngestClientOptions.JsonTypeInfoResolver"/>). Not bound from configuration.</summary>
    public IJsonTypeInfoResolver? JsonTypeInfoResolver { get => _client.JsonTypeInfoResolver; set => _client.JsonTypeInfoResolver = value; }

    /// <summary>A listener called next to the built-in <c>ILogger</c> one (<see cref="InngestClientOptions.Listener"/>). Not bound from configuration.</summary>
    public InngestSendListener? Listener { get => _client.Listener; set => _client.Listener = value; }

    /// <summary>
    /// Hooks that see each outgoing event before it is written and may replace it
    /// (<see cref="InngestClientOptions.SendMiddleware"/>), for example the encryption middleware of
    /// <c>Inngest.Typed.Encryption</c>. Not bound from configuration.
    /// </summary>
    /// <remarks>
    /// Each client the container creates runs, in this order: first every <see cref="InngestSendMiddleware"/>
    /// registered as a service (<c>services.AddSingleton&lt;InngestSendMiddleware, MyHook&gt;()</c>; any lifetime,
    /// resolved from the scope that creates the client), in registration order; then this list, in list order, which
    /// holds what every <c>Configure</c> added in the order they ran and then what <c>PostConfigure</c> actions added
    /// (<c>services.AddInngestEncryption()</c> appends encryption there, so it sees the data every other hook wrote).
    /// See docs/dependency-injection.md.
    /// </remarks>
    public IList<InngestSendMiddleware> SendMiddleware => _client.SendMiddleware;

    /// <summary>
    /// Reads the <c>INNGEST_*</c> environment variables. Default <see cref="Environment.GetEnvironmentVariable(string)"/>;
    /// tests can pass <c>_ =&gt; null</c> so the machine's environment never leaks in. Not bound from configuration.
    /// </summary>
    public Func<string, string?> EnvironmentReader { get => _client.EnvironmentReader; set => _client.EnvironmentReader = value; }

    /// <summary>Returns a description without the event key.</summary>
    public override string ToString()
        => $"InngestOptions {{ EventKey = {(string.IsNullOrEmpty(EventKey) ? "(unset)" : "***")}, IsDev = {IsDev?.ToString() ?? "(unset)"}, BaseUrl = {BaseUrl ?? "(unset)"}, Env = {Env ?? "(unset)"}, MaxAttempts = {MaxAttempts}, BuiltInRetries = {BuiltInRetries} }}";

    /// <summary>The runtime options these settings describe: a copy, with the container's clock and the given listener.</summary>
    /// <param name="timeProvider">The clock, usually the container's <see cref="TimeProvider"/>.</param>
    /// <param name="listener">The listener to install (the logging one, possibly combined with <see cref="Listener"/>).</param>
    /// <param name="registeredMiddleware">The send middleware registered as services, run before <see cref="SendMiddleware"/>.</param>
    internal InngestClientOptions ToClientOptions(TimeProvider timeProvider, InngestSendListener? listener, IEnumerable<InngestSendMiddleware>? registeredMiddleware = null)
    {
        var options = new InngestClientOptions(_client)
        {
            TimeProvider = timeProvider,
            Listener = listener,
            EnvironmentReader = EnvironmentReader ?? (static _ => null),
        };
        if (registeredMiddleware is not null)
        {
            var position = 0;
            foreach (var middleware in registeredMiddleware)
            {
                options.SendMiddleware.Insert(position++, middleware);
            }
        }

        if (!BuiltInRetries)
        {
            options.Retry.MaxAttempts = 1;
        }

        return options;
    }
}
