using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json.Serialization.Metadata;

namespace Inngest;

/// <summary>
/// Settings of an <see cref="InngestClient"/>. Every setting left unset falls back to the standard
/// Inngest environment variables, with the same names and precedence as the official SDKs.
/// </summary>
public sealed class InngestClientOptions
{
    /// <summary>The default maximum serialized size of one event: 3 MiB, the server's own limit.</summary>
    public const int DefaultMaxEventBytes = 3 * 1024 * 1024;

    /// <summary>The default and largest number of events the Event API takes in one request.</summary>
    public const int DefaultMaxEventsPerRequest = 5000;

    /// <summary>
    /// The default largest request body: 3 MiB, the most Inngest documents for an event request on any plan
    /// (https://www.inngest.com/docs/usage-limits/inngest, "Request Body Size") and the open-source server's own
    /// body limit (<c>consts.AbsoluteMaxEventSize</c>).
    /// </summary>
    public const int DefaultMaxRequestBytes = 3 * 1024 * 1024;

    private InngestRetryOptions _retry = new();

    /// <summary>Creates settings with the defaults; everything unset falls back to the environment.</summary>
    public InngestClientOptions()
    {
    }

    /// <summary>
    /// Creates a copy of <paramref name="other"/> (its <see cref="Retry"/> settings copied too), to change per client
    /// without touching the original, as the dependency-injection package does for each client it creates.
    /// </summary>
    /// <param name="other">The settings to copy.</param>
    public InngestClientOptions(InngestClientOptions other)
    {
        ArgumentNullException.ThrowIfNull(other);
        EventKey = other.EventKey;
        IsDev = other.IsDev;
        BaseUrl = other.BaseUrl;
        Env = other.Env;
        _retry = other.Retry.Clone();
        MaxEventBytes = other.MaxEventBytes;
        MaxEventsPerRequest = other.MaxEventsPerRequest;
        MaxRequestBytes = other.MaxRequestBytes;
        AllowInsecureHttp = other.AllowInsecureHttp;
        TimeProvider = other.TimeProvider;
        JsonTypeInfoResolver = other.JsonTypeInfoResolver;
        Listener = other.Listener;
        EnvironmentReader = other.EnvironmentReader;
        foreach (var middleware in other.SendMiddleware)
        {
            SendMiddleware.Add(middleware);
        }
    }

    /// <summary>
    /// The event key. Falls back to <c>INNGEST_EVENT_KEY</c>; in dev mode with neither set, the
    /// literal <c>NO_EVENT_KEY_SET</c> is used. It is sent only in the request path and never appears
    /// in messages, logs or <see cref="object.ToString"/>.
    /// </summary>
    public string? EventKey { get; set; }

    /// <summary>
    /// <see langword="true"/> to send to a local dev server, <see langword="false"/> for Inngest Cloud.
    /// Falls back to <c>INNGEST_DEV</c> (<c>1</c>/<c>true</c>: dev, <c>0</c>/<c>false</c>: cloud, a URL or
    /// <c>host:port</c>: dev at that server; a bare word such as <c>yes</c> is refused); unset means cloud.
    /// </summary>
    public bool? IsDev { get; set; }

    /// <summary>
    /// The Event API base URL, used as a prefix: <c>{BaseUrl}/e/{key}</c>; it must not itself hold the event path
    /// <c>/e/...</c> (the dashboard's event URL), and plain <c>http://</c> to another machine needs
    /// <see cref="AllowInsecureHttp"/>. Falls back to
    /// <c>INNGEST_EVENT_API_BASE_URL</c>, <c>INNGEST_BASE_URL</c>, a URL in <c>INNGEST_DEV</c>, then
    /// <c>https://inn.gs/</c> (cloud) or <c>http://localhost:8288/</c> (dev).
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// The branch environment, sent as <c>x-inngest-env</c>. Falls back to <c>INNGEST_ENV</c>, then the
    /// CI branch variables <c>BRANCH_NAME</c>, <c>VERCEL_GIT_COMMIT_REF</c>, <c>BRANCH</c>,
    /// <c>CF_PAGES_BRANCH</c>, <c>RENDER_GIT_BRANCH</c> and <c>RAILWAY_GIT_BRANCH</c>.
    /// <see cref="InngestSendOptions.Env"/> overrides it per call.
    /// </summary>
    public string? Env { get; set; }

    /// <summary>
    /// How requests are retried: attempts, per-attempt timeout, backoff and its cap. See <see cref="InngestRetryOptions"/>.
    /// </summary>
    public InngestRetryOptions Retry
    {
        get => _retry;
        set => _retry = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Shorthand for <see cref="InngestRetryOptions.MaxAttempts"/> of <see cref="Retry"/>. Default 5; 1 disables retries.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public int MaxAttempts { get => Retry.MaxAttempts; set => Retry.MaxAttempts = value; }

    /// <summary>Shorthand for <see cref="InngestRetryOptions.InitialDelay"/> of <see cref="Retry"/>. Default 100 ms.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public TimeSpan InitialRetryDelay { get => Retry.InitialDelay; set => Retry.InitialDelay = value; }

    /// <summary>Shorthand for <see cref="InngestRetryOptions.MaxJitter"/> of <see cref="Retry"/>. Default 100 ms.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public TimeSpan MaxRetryJitter { get => Retry.MaxJitter; set => Retry.MaxJitter = value; }

    /// <summary>Shorthand for <see cref="InngestRetryOptions.MaxDelay"/> of <see cref="Retry"/>. Default 30 s.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public TimeSpan MaxRetryDelay { get => Retry.MaxDelay; set => Retry.MaxDelay = value; }

    /// <summary>Shorthand for <see cref="InngestRetryOptions.AttemptTimeout"/> of <see cref="Retry"/>. Default 30 s.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public TimeSpan AttemptTimeout { get => Retry.AttemptTimeout; set => Retry.AttemptTimeout = value; }

    /// <summary>
    /// The largest serialized event accepted before sending. Default 3 MiB (the server's limit); set
    /// 256 KiB or 512 KiB to match an Inngest Cloud plan so over-size events fail early and clearly.
    /// </summary>
    public int MaxEventBytes { get; set; } = DefaultMaxEventBytes;

    /// <summary>
    /// The most events sent in one request; larger calls are split into several requests in order.
    /// Default and maximum 5,000.
    /// </summary>
    public int MaxEventsPerRequest { get; set; } = DefaultMaxEventsPerRequest;

    /// <summary>
    /// The largest request body in bytes (the JSON array of events). A call is split into requests by
    /// <see cref="MaxEventsPerRequest"/> and by this size, in order, each with its own id seed; an event that does not
    /// fit alone fails validation before anything is sent. Default 3 MiB (<see cref="DefaultMaxRequestBytes"/>); set
    /// your plan's request limit (for example 262144 for 256 KiB) to split before the server refuses.
    /// </summary>
    public int MaxRequestBytes { get; set; } = DefaultMaxRequestBytes;

    /// <summary>
    /// Allows sending a real event key over plain <c>http://</c> to a host other than this machine (a self-hosted
    /// Inngest server inside a trusted network). Default <see langword="false"/>: such a base URL fails the client's
    /// construction, because the key would cross the network in cleartext. Loopback hosts and the dev server's
    /// placeholder key need no permission.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>The clock used for <c>ts</c>, the id seed, retry delays and timeouts. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Extra JSON metadata (for example your own <c>JsonSerializerContext</c>) for payload members whose
    /// type the Inngest.Typed generator cannot describe, such as <c>object</c> or polymorphic bases.
    /// It is consulted after the generated metadata.
    /// </summary>
    public IJsonTypeInfoResolver? JsonTypeInfoResolver { get; set; }

    /// <summary>
    /// Hooks that see each outgoing event before it is written and may replace it (for example to encrypt a field of
    /// its data), run in list order. The client takes a snapshot when it is created. A hook that throws fails the send
    /// call before any request. See <see cref="InngestSendMiddleware"/>.
    /// </summary>
    public IList<InngestSendMiddleware> SendMiddleware { get; } = new List<InngestSendMiddleware>();

    /// <summary>
    /// Receives every step of every send call (started, retrying, succeeded, failed), for logging.
    /// Traces and metrics need no listener: see <see cref="InngestTelemetry"/>.
    /// </summary>
    public InngestSendListener? Listener { get; set; }

    /// <summary>
    /// Reads environment variables. Default <see cref="Environment.GetEnvironmentVariable(string)"/>;
    /// replace it to isolate tests or read from another source, or return <see langword="null"/>
    /// always to ignore the environment.
    /// </summary>
    public Func<string, string?> EnvironmentReader { get; set; } = Environment.GetEnvironmentVariable;

    /// <summary>
    /// Checks these settings together with the environment variables they fall back to, by the same rules the
    /// <see cref="InngestClient"/> constructor applies, and returns every problem (empty when the settings work).
    /// </summary>
    /// <param name="settingPrefix">
    /// How messages name a setting: <c>{settingPrefix}MaxAttempts</c>. Default <c>InngestClientOptions.</c>; a
    /// configuration binder passes its section path, such as <c>Inngest:</c>.
    /// </param>
    /// <param name="requireEventKey">
    /// Whether a missing event key in cloud mode is a problem. The constructor does not require one (the first send
    /// then throws); start-up validation usually should.
    /// </param>
    /// <returns>One message per problem, each saying what to set; none repeats the event key.</returns>
    public IReadOnlyList<string> Validate(string settingPrefix = ClientOptionsRules.DefaultPrefix, bool requireEventKey = false)
    {
        var errors = ClientOptionsRules.Validate(this, settingPrefix ?? ClientOptionsRules.DefaultPrefix, out var settings);
        if (requireEventKey && settings is { EventUrl: null })
        {
            errors.Add(ClientOptionsRules.NoEventKey(settingPrefix ?? ClientOptionsRules.DefaultPrefix));
        }

        return errors;
    }

    /// <summary>Returns a description without the event key.</summary>
    public override string ToString()
        => $"InngestClientOptions {{ EventKey = {(EventKey is null ? "(unset)" : "***")}, IsDev = {IsDev?.ToString() ?? "(unset)"}, BaseUrl = {BaseUrl ?? "(unset)"}, Env = {Env ?? "(unset)"} }}";
}
