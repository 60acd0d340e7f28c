using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
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
    public const string SdkVersion = "0.1.0";

    internal const string SdkHeaderValue = SdkName + ":v" + SdkVersion;
    private const int MaxResponseBytes = 4 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly bool _ownsHttpClient;
    private readonly InngestSettings _settings;
    private readonly JsonMetadataResolver _resolver;
    private readonly InngestSendListener? _listener;
    private readonly TimeProvider _time;
    private readonly int _maxAttempts;
    private readonly TimeSpan _initialRetryDelay;
    private readonly TimeSpan _maxRetryJitter;
    private readonly TimeSpan _maxRetryDelay;
    private readonly TimeSpan _attemptTimeout;
    private readonly int _maxEventBytes;
    private readonly int _maxEventsPerRequest;

    /// <summary>
    /// Creates a client with its own <see cref="HttpClient"/> (pooled connections renewed every few
    /// minutes, redirects not followed), configured from <paramref name="options"/> and the environment.
    /// </summary>
    /// <param name="options">The settings; <see langword="null"/> reads everything from the environment.</param>
    /// <exception cref="InngestConfigurationException">A setting or environment variable has an unusable value.</exception>
    public InngestClient(InngestClientOptions? options = null)
        : this(CreateHttpClient(), options ?? new InngestClientOptions(), ownsHttpClient: true)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="httpClient"/> (for example one from
    /// <c>IHttpClientFactory</c>); the client does not dispose it. Its <see cref="HttpClient.BaseAddress"/>
    /// is ignored: the URL comes from the options and the environment.
    /// </summary>
    /// <param name="httpClient">The HTTP client to send through.</param>
    /// <param name="options">The settings; <see langword="null"/> reads everything from the environment.</param>
    /// <exception cref="InngestConfigurationException">A setting or environment variable has an unusable value.</exception>
    public InngestClient(HttpClient httpClient, InngestClientOptions? options = null)
        : this(httpClient ?? throw new ArgumentNullException(nameof(httpClient)), options ?? new InngestClientOptions(), ownsHttpClient: false)
    {
    }

    private InngestClient(HttpClient httpClient, InngestClientOptions options, bool ownsHttpClient)
    {
        try
        {
            Validate(options);
            _settings = InngestSettings.Resolve(options);
        }
        catch when (ownsHttpClient)
        {
            httpClient.Dispose();
            throw;
        }

        _http = httpClient;
        _ownsHttpClient = ownsHttpClient;
        _resolver = options.JsonTypeInfoResolver is null ? JsonMetadataResolver.Default : new JsonMetadataResolver(options.JsonTypeInfoResolver);
        _time = options.TimeProvider ?? TimeProvider.System;
        _listener = options.Listener;
        _maxAttempts = options.MaxAttempts;
        _initialRetryDelay = options.InitialRetryDelay;
        _maxRetryJitter = options.MaxRetryJitter;
        _maxRetryDelay = options.MaxRetryDelay;
        _attemptTimeout = options.AttemptTimeout;
        _maxEventBytes = options.MaxEventBytes;
        _maxEventsPerRequest = options.MaxEventsPerRequest;
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
    public async Task<InngestSendResult> SendAsync(IReadOnlyList<InngestEvent> events, InngestSendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return InngestSendResult.Empty;
        }

        var started = _time.GetTimestamp();
        using var activity = InngestTelemetry.Source.StartActivity("inngest.send", ActivityKind.Producer);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "inngest");
            activity.SetTag("messaging.operation.name", "send");
            activity.SetTag("messaging.batch.message_count", events.Count);
            activity.SetTag("inngest.event.names", InngestTelemetry.DistinctNames(events));
        }

        var progress = new SendProgress();
        try
        {
            var result = await SendCoreAsync(events, options, progress, cancellationToken).ConfigureAwait(false);
            var elapsed = _time.GetElapsedTime(started);
            InngestTelemetry.EventsSent.Add(events.Count);
            InngestTelemetry.Duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("inngest.outcome", "success"));
            if (activity is not null)
            {
                activity.SetTag("inngest.requests", progress.Requests);
                activity.SetTag("inngest.attempts", progress.Attempts);
                activity.SetTag("inngest.outcome", "success");
                activity.SetTag("http.response.status_code", progress.LastStatus);
            }

            _listener?.SendSucceeded(events, progress.Attempts, elapsed);
            return result;
        }
        catch (Exception ex)
        {
            var elapsed = _time.GetElapsedTime(started);
            var (outcome, accepted) = ex switch
            {
                InngestSendException send => ("failed", send.AcceptedIds.Count),
                InngestSendCanceledException canceled => ("canceled", canceled.Outcome.AcceptedIds.Count),
                OperationCanceledException => ("canceled", 0),
                InngestEventValidationException or InngestConfigurationException => ("invalid", 0),
                _ => ("failed", 0),
            };
            if (accepted > 0)
            {
                InngestTelemetry.EventsSent.Add(accepted);
            }

            InngestTelemetry.EventsFailed.Add(events.Count - accepted);
            InngestTelemetry.Duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("inngest.outcome", outcome));
            if (activity is not null)
            {
                activity.SetTag("inngest.requests", progress.Requests);
                activity.SetTag("inngest.attempts", progress.Attempts);
                activity.SetTag("inngest.outcome", outcome);
                if (progress.LastStatus is { } status)
                {
                    activity.SetTag("http.response.status_code", status);
                }

                activity.SetTag("error.type", ex is InngestSendException { StatusCode: { } code } ? code.ToString(CultureInfo.InvariantCulture) : ex.GetType().FullName);
                activity.SetStatus(ActivityStatusCode.Error, ex is InngestSendException or InngestEventValidationException or InngestConfigurationException or OperationCanceledException ? ex.Message : ex.GetType().Name);
            }

            _listener?.SendFailed(events, ex, elapsed);
            throw;
        }
    }

    private async Task<InngestSendResult> SendCoreAsync(IReadOnlyList<InngestEvent> events, InngestSendOptions? options, SendProgress progress, CancellationToken cancellationToken)
    {
        var eventUrl = _settings.EventUrl ?? throw new InngestConfigurationException(
            "Your events were not sent: no Inngest event key is configured. To fix it, set the INNGEST_EVENT_KEY environment variable, "
            + "or set InngestClientOptions.EventKey. To send to a local dev server instead, set INNGEST_DEV=1 (or InngestClientOptions.IsDev = true).");

        var env = _settings.Env;
        if (!string.IsNullOrWhiteSpace(options?.Env))
        {
            env = options!.Env!.Trim();
            InngestSettings.ValidateEnv(env, "InngestSendOptions.Env");
        }

        cancellationToken.ThrowIfCancellationRequested();

        // Serialize every request body before the first request, so a bad event anywhere in the call
        // fails it before anything is sent.
        var requestCount = (events.Count + _maxEventsPerRequest - 1) / _maxEventsPerRequest;
        var requests = new PreparedRequest[requestCount];
        try
        {
            for (var r = 0; r < requestCount; r++)
            {
                var start = r * _maxEventsPerRequest;
                var count = Math.Min(_maxEventsPerRequest, events.Count - start);
                var ms = _time.GetUtcNow().ToUnixTimeMilliseconds();
                var body = new PooledBufferWriter();
                requests[r] = new PreparedRequest(start, count, EnvelopeWriter.CreateSeed(ms), body);
                EnvelopeWriter.WriteBody(body, events, start, count, ms, _maxEventBytes, _resolver);
            }

            _listener?.SendStarting(events, requestCount);
            var ids = new List<string>(events.Count);
            foreach (var request in requests)
            {
                progress.Requests++;
                await SendRequestAsync(eventUrl, env, events, request, ids, progress, cancellationToken).ConfigureAwait(false);
            }

            return new InngestSendResult(ids);
        }
        finally
        {
            foreach (var request in requests)
            {
                request?.Body.Dispose();
            }
        }
    }

    /// <summary>Disposes the <see cref="HttpClient"/> if the client created it.</summary>
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

    private async Task SendRequestAsync(Uri eventUrl, string? env, IReadOnlyList<InngestEvent> events, PreparedRequest request, List<string> ids, SendProgress progress, CancellationToken cancellationToken)
    {
        var totalEvents = events.Count;
        var attempt = 0;
        AttemptResult last = default;
        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw Canceled(ids, attempt > 0 ? request.Count : 0, totalEvents, null, cancellationToken);
            }

            attempt++;
            progress.Attempts++;
            last = await AttemptAsync(eventUrl, env, request, cancellationToken).ConfigureAwait(false);
            progress.LastStatus = last.StatusCode;
            if (last.Ids is not null)
            {
                ids.AddRange(last.Ids);
                return;
            }

            if (last.Canceled)
            {
                throw Canceled(ids, request.Count, totalEvents, last.Error, cancellationToken);
            }

            if (!last.Retryable || attempt >= _maxAttempts)
            {
                break;
            }

            var delay = RetryDelay(attempt, last.RetryAfter);
            InngestTelemetry.Retries.Add(1);
            _listener?.Retrying(events, attempt, last.StatusCode, last.ServerError ?? last.Error?.Message, delay);
            try
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
            {
                throw Canceled(ids, request.Count, totalEvents, ex, cancellationToken);
            }
        }

        // The failing request's accepted prefix (a 400 can list the ids stored before the failure).
        var partial = last.PartialIds;
        if (partial is not null && partial.Count < request.Count)
        {
            ids.AddRange(partial);
        }

        var outcome = new InngestSendOutcome(ids, request.Start + request.Count - ids.Count, totalEvents);
        throw new InngestSendException(
            FailureMessage(last, attempt, outcome),
            last.StatusCode,
            last.ServerError,
            attempt,
            outcome,
            last.Error);
    }

    private async Task<AttemptResult> AttemptAsync(Uri eventUrl, string? env, PreparedRequest request, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_attemptTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var message = new HttpRequestMessage(HttpMethod.Post, eventUrl);
        message.Headers.TryAddWithoutValidation("User-Agent", SdkHeaderValue);
        message.Headers.TryAddWithoutValidation("x-inngest-sdk", SdkHeaderValue);
        message.Headers.TryAddWithoutValidation("x-inngest-event-id-seed", request.Seed);
        if (env is not null)
        {
            message.Headers.TryAddWithoutValidation("x-inngest-env", env);
        }

        var content = new ReadOnlyMemoryContent(request.Body.WrittenMemory);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        message.Content = content;
        if (_ownsHttpClient && System.Diagnostics.Activity.Current is { } current)
        {
            // The owned handler makes no HTTP span (its url.full tag would carry the key in the path),
            // so the trace context of the current span goes out from here.
            System.Diagnostics.DistributedContextPropagator.Current.Inject(current, message, static (carrier, name, value) =>
            {
                if (carrier is HttpRequestMessage request && name is not null)
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }
            });
        }

        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var body = await ReadBodyAsync(response, linked.Token).ConfigureAwait(false);
            return RedactKey(Classify(response, body, request.Count));
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            return AttemptResult.Cancel(ex);
        }
        catch (OperationCanceledException ex)
        {
            // Our per-attempt timeout, or the HttpClient's own Timeout.
            return AttemptResult.Transport(ex, timedOut: true);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return AttemptResult.Transport(ex, timedOut: false);
        }
    }

    /// <summary>Reads and parses the answer from a pooled buffer; an answer over 4 MiB counts as unreadable.</summary>
    private static async Task<ResponseBody> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var length = response.Content.Headers.ContentLength;
        if (length > MaxResponseBytes)
        {
            return default;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length is > 0 ? (int)length.Value : 1024);
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (buffer.Length >= MaxResponseBytes)
                    {
                        return default;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxResponseBytes));
                    buffer.AsSpan(0, total).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return ResponseBody.Parse(buffer.AsSpan(0, total));
                }

                total += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static AttemptResult Classify(HttpResponseMessage response, ResponseBody parsed, int expectedIds)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300 && parsed.Ids is { } ids && ids.Count == expectedIds)
        {
            return AttemptResult.Success(status, ids);
        }

        var retryAfter = RetryAfter(response);
        var retryable = status is >= 200 and < 300 // a 2xx without the right ids: the seed makes a retry safe
            || status == (int)HttpStatusCode.RequestTimeout
            || status == (int)HttpStatusCode.TooManyRequests
            || status >= 500;
        var error = parsed.Error;
        if (status is >= 200 and < 300)
        {
            error ??= parsed.Ids is null
                ? (parsed.IsJson ? "the answer holds no ids" : "the answer is not JSON")
                : $"the answer holds {parsed.Ids.Count} id(s) for {expectedIds} event(s)";
        }

        return new AttemptResult(null, status, error, parsed.Ids, retryable, retryAfter, null, Canceled: false, TimedOut: false);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private TimeSpan RetryDelay(int failedAttempt, TimeSpan? retryAfter)
    {
        // 100 ms x 2^(n-1) plus up to MaxRetryJitter, as the official SDKs; at least the server's Retry-After.
        var exponent = Math.Min(failedAttempt - 1, 30);
        var backoff = TimeSpan.FromTicks((long)Math.Min(_initialRetryDelay.Ticks * Math.Pow(2, exponent), TimeSpan.MaxValue.Ticks / 2));
        var jitter = TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * _maxRetryJitter.Ticks));
        var delay = backoff + jitter;
        if (retryAfter is { } after && after > delay)
        {
            delay = after;
        }

        return delay > _maxRetryDelay ? _maxRetryDelay : delay;
    }

    /// <summary>
    /// Removes the event key from the server's error text: a proxy or server that echoes the request
    /// path ("Cannot POST /e/KEY") must not put the key into exception messages, logs or traces.
    /// Keys shorter than 8 characters are not secrets worth mangling messages for (tests, placeholders).
    /// </summary>
    private AttemptResult RedactKey(AttemptResult result)
    {
        if (result.ServerError is not { } text || _settings.EventUrl is not { } eventUrl)
        {
            return result;
        }

        var escaped = eventUrl.AbsoluteUri.Substring(_settings.EventBaseUrl.AbsoluteUri.Length + 2);
        var raw = Uri.UnescapeDataString(escaped);
        if (raw.Length < 8 || raw == InngestSettings.NoEventKeySet)
        {
            return result;
        }

        text = text.Replace(raw, "***", StringComparison.Ordinal).Replace(escaped, "***", StringComparison.OrdinalIgnoreCase);
        return result with { ServerError = text };
    }

    private string FailureMessage(AttemptResult last, int attempts, InngestSendOutcome outcome)
    {
        var tries = attempts == 1 ? "1 attempt" : $"{attempts} attempts";
        string what;
        if (last.StatusCode is not { } status)
        {
            what = last.TimedOut
                ? $"Inngest at {_settings.EventBaseUrl} did not answer within {_attemptTimeout.TotalSeconds:0.###} s (InngestClientOptions.AttemptTimeout) after {tries}."
                : $"Could not reach Inngest at {_settings.EventBaseUrl} after {tries}: {last.Error?.Message} Check the base URL (INNGEST_BASE_URL, INNGEST_DEV or InngestClientOptions.BaseUrl) and the network.";
        }
        else
        {
            var serverText = last.ServerError is null ? string.Empty : $": {last.ServerError}";
            var hint = status switch
            {
                401 or 404 => " The event key was not accepted: check INNGEST_EVENT_KEY or InngestClientOptions.EventKey, and that the key belongs to the environment you send to.",
                403 => " The event key is not allowed to send these events: check the key's settings in the Inngest dashboard.",
                413 => " The request is too large: send fewer or smaller events, and set InngestClientOptions.MaxEventBytes to your plan's limit to catch this before sending.",
                409 or 412 => " An event transform failed on the server: check the transforms of this event key in the Inngest dashboard.",
                429 => " Inngest is rate limiting this key: send less often, or batch events.",
                >= 300 and < 400 => " Redirects are not followed: set the base URL to the Event API's final address.",
                >= 500 => " Inngest could not process the request; try again later.",
                >= 200 and < 300 => " The answer did not acknowledge every event.",
                _ => string.Empty,
            };
            what = $"Inngest answered HTTP {status}{serverText} after {tries}.{hint}";
        }

        return $"Events not sent: {what} ({outcome.Describe()}.)";
    }

    private static InngestSendCanceledException Canceled(List<string> ids, int unacknowledged, int totalEvents, Exception? inner, CancellationToken token)
    {
        var outcome = new InngestSendOutcome(ids, unacknowledged, totalEvents);
        return new InngestSendCanceledException($"The send was canceled ({outcome.Describe()}).", outcome, inner, token);
    }

    private static void Validate(InngestClientOptions options)
    {
        if (options.MaxAttempts < 1)
        {
            throw new InngestConfigurationException($"InngestClientOptions.MaxAttempts is {options.MaxAttempts}; set it to 1 or more (1 disables retries).");
        }

        if (options.MaxEventsPerRequest is < 1 or > InngestClientOptions.DefaultMaxEventsPerRequest)
        {
            throw new InngestConfigurationException($"InngestClientOptions.MaxEventsPerRequest is {options.MaxEventsPerRequest}; set it between 1 and {InngestClientOptions.DefaultMaxEventsPerRequest}, the most the Event API takes in one request.");
        }

        if (options.MaxEventBytes < 64)
        {
            throw new InngestConfigurationException($"InngestClientOptions.MaxEventBytes is {options.MaxEventBytes}; set it to your plan's event size limit, for example 262144 (256 KiB).");
        }

        if (options.InitialRetryDelay < TimeSpan.Zero || options.MaxRetryJitter < TimeSpan.Zero || options.MaxRetryDelay < TimeSpan.Zero)
        {
            throw new InngestConfigurationException("InngestClientOptions.InitialRetryDelay, MaxRetryJitter and MaxRetryDelay must not be negative.");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero && options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new InngestConfigurationException("InngestClientOptions.AttemptTimeout must be positive (or Timeout.InfiniteTimeSpan).");
        }
    }

    private static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ActivityHeadersPropagator = null, // no HttpRequestOut span, whose url.full tag would hold the key; AttemptAsync propagates instead
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Counts kept across the requests of one send call, for telemetry and the listener.</summary>
    private sealed class SendProgress
    {
        public int Requests;
        public int Attempts;
        public int? LastStatus;
    }

    private sealed record PreparedRequest(int Start, int Count, string Seed, PooledBufferWriter Body);

    private readonly record struct AttemptResult(
        IReadOnlyList<string>? Ids,
        int? StatusCode,
        string? ServerError,
        IReadOnlyList<string>? PartialIds,
        bool Retryable,
        TimeSpan? RetryAfter,
        Exception? Error,
        bool Canceled,
        bool TimedOut)
    {
        public static AttemptResult Success(int status, IReadOnlyList<string> ids) => new(ids, status, null, null, false, null, null, false, false);

        public static AttemptResult Cancel(Exception error) => new(null, null, null, null, false, null, error, true, false);

        public static AttemptResult Transport(Exception error, bool timedOut) => new(null, null, null, null, true, null, error, false, timedOut);
    }
}
