using System;
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
    /// The event key. Falls back to <c>INNGEST_EVENT_KEY</c>; in dev mode with neither set, the
    /// literal <c>NO_EVENT_KEY_SET</c> is used. It is sent only in the request path and never appears
    /// in messages, logs or <see cref="object.ToString"/>.
    /// </summary>
    public string? EventKey { get; set; }

    /// <summary>
    /// <see langword="true"/> to send to a local dev server, <see langword="false"/> for Inngest Cloud.
    /// Falls back to <c>INNGEST_DEV</c> (<c>1</c>/<c>true</c>: dev, <c>0</c>/<c>false</c>: cloud, any other
    /// value: the dev server's URL); unset means cloud.
    /// </summary>
    public bool? IsDev { get; set; }

    /// <summary>
    /// The Event API base URL, used as a prefix: <c>{BaseUrl}/e/{key}</c>. Falls back to
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

    /// <summary>The most HTTP attempts one request makes, the first included. Default 5; 1 disables retries.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The delay before the second attempt; it doubles before each further one. Default 100 ms.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The most random jitter added to each retry delay. Default 100 ms.</summary>
    public TimeSpan MaxRetryJitter { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between two attempts, including a server's <c>Retry-After</c>. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one HTTP attempt may take before it is abandoned and retried. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

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

    /// <summary>The clock used for <c>ts</c>, the id seed, retry delays and timeouts. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Extra JSON metadata (for example your own <c>JsonSerializerContext</c>) for payload members whose
    /// type the Inngest.Typed generator cannot describe, such as <c>object</c> or polymorphic bases.
    /// It is consulted after the generated metadata.
    /// </summary>
    public IJsonTypeInfoResolver? JsonTypeInfoResolver { get; set; }

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

    /// <summary>Returns a description without the event key.</summary>
    public override string ToString()
        => $"InngestClientOptions {{ EventKey = {(EventKey is null ? "(unset)" : "***")}, IsDev = {IsDev?.ToString() ?? "(unset)"}, BaseUrl = {BaseUrl ?? "(unset)"}, Env = {Env ?? "(unset)"} }}";
}
