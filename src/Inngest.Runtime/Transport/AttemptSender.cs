using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Inngest;

/// <summary>
/// Makes one HTTP attempt of a request: the headers (SDK, id seed, branch environment, trace context), the POST under
/// the attempt timeout, and the answer. Whatever the handler pipeline throws (a resilience handler's timeout, a user
/// handler's exception, a disposed <see cref="HttpClient"/>) becomes an <see cref="AttemptResult"/>: nothing escapes
/// but the caller's own cancellation, as a result too.
/// </summary>
internal sealed class AttemptSender
{
    /// <summary>At most this many idle timeout sources are kept (about the concurrency a client sees).</summary>
    private const int MaxPooledTimeouts = 64;

    /// <summary>
    /// Attempt-timeout sources not in use. Each attempt takes one (creating its timer only the first time, on the client's
    /// clock), arms it, and gives it back reset when it did not fire: no timer, token source or link per request.
    /// </summary>
    private readonly ConcurrentQueue<CancellationTokenSource> _idleTimeouts = new();

    private readonly HttpMessageInvoker _invoker;

    /// <summary>The caller's <see cref="HttpClient"/> (sent through with its headers-read option), or null for the client's own handler.</summary>
    private readonly HttpClient? _httpClient;
    private readonly bool _propagateTraceContext;
    private readonly TimeProvider _time;
    private readonly TimeSpan _attemptTimeout;
    private readonly Redactor _redactor;

    /// <param name="http">
    /// The caller's <see cref="HttpClient"/>, or an invoker over the client's own handler: that one skips
    /// <see cref="HttpClient"/>'s layer (a linked token source and an async level per request, about 1 us of CPU per send
    /// on this project's benchmark machine), which adds nothing the client uses (no base address, default headers or
    /// client timeout; the attempt timeout is the token here).
    /// </param>
    /// <param name="propagateTraceContext">
    /// Whether to write <c>traceparent</c> here: for the client's own handler, which makes no HTTP span (its <c>url.full</c>
    /// would hold the key); a handler that makes one writes its own context.
    /// </param>
    /// <param name="time">The clock of the attempt timeout and <c>Retry-After</c> dates.</param>
    /// <param name="attemptTimeout">How long one attempt may take.</param>
    /// <param name="redactor">Cleans the texts the attempt reports.</param>
    public AttemptSender(HttpMessageInvoker http, bool propagateTraceContext, TimeProvider time, TimeSpan attemptTimeout, Redactor redactor)
    {
        _invoker = http;
        _httpClient = http as HttpClient;
        _propagateTraceContext = propagateTraceContext;
        _time = time;
        _attemptTimeout = attemptTimeout;
        _redactor = redactor;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<AttemptResult> SendAsync(Uri eventUrl, string? env, PreparedRequest request, CancellationToken cancellationToken)
    {
        // One source per attempt, cancelled by the attempt timeout or by the caller's token (linked by a registration
        // only when that token can be cancelled at all); which of the two it was is told apart below.
        var timeout = RentTimeout();
        var link = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), timeout)
            : default;
        try
        {
            using var message = CreateMessage(eventUrl, env, request);
            // HttpClient's own override of the invoker's SendAsync would buffer the whole answer; asked for the headers
            // only, it hands the body over as a stream, as a handler does.
            using var response = await (_httpClient is { } client
                ? client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token)
                : _invoker.SendAsync(message, timeout.Token)).ConfigureAwait(false);
            if (response.RequestMessage?.RequestUri is { } final && final != eventUrl)
            {
                // A primary handler that follows redirects (HttpClientHandler's default) re-posted the body elsewhere;
                // that address's ids are not Inngest's acknowledgement of these events.
                return new AttemptResult(AttemptFailure.Redirected, null, (int)response.StatusCode, null, null, false, null, null,
                    "the HTTP handler followed a redirect to another address");
            }

            // Retry-After matters only for a refusal; an accepted answer's headers are not looked up at all.
            var retryAfter = response.IsSuccessStatusCode ? null : RetryStrategy.ReadRetryAfter(response, _time);
            var body = await AnswerReader.ReadAsync(response, request.Count, timeout.Token).ConfigureAwait(false);
            return AnswerClassifier.Classify((int)response.StatusCode, body, request.Count, retryAfter, _redactor);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested)
        {
            return AttemptResult.NoAnswer(AttemptFailure.Canceled, _redactor.Redact(ex), null, retryable: false);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return AttemptResult.NoAnswer(AttemptFailure.TimedOut, _redactor.Redact(ex), null, retryable: true);
        }
        catch (ObjectDisposedException ex)
        {
            // The HttpClient (or its handler) was disposed: no later attempt can succeed.
            return AttemptResult.NoAnswer(AttemptFailure.Transport, _redactor.Redact(ex), Describe(ex), retryable: false);
        }
        catch (Exception ex)
        {
            // HttpRequestException and IOException, and whatever a handler throws (a resilience pipeline's
            // TimeoutRejectedException or BrokenCircuitException, a user handler's own): no answer, so a retry with the
            // same seed is safe.
            return AttemptResult.NoAnswer(AttemptFailure.Transport, _redactor.Redact(ex), Describe(ex), retryable: true);
        }
        finally
        {
            link.Dispose(); // waits for a running cancellation callback, so the source is not reset under it
            ReturnTimeout(timeout);
        }
    }

    private CancellationTokenSource RentTimeout()
    {
        if (_idleTimeouts.TryDequeue(out var timeout))
        {
            timeout.CancelAfter(_attemptTimeout);
            return timeout;
        }

        // Created on the client's clock (its timer comes from the TimeProvider), so tests and fake clocks see it.
        return new CancellationTokenSource(_attemptTimeout, _time);
    }

    private void ReturnTimeout(CancellationTokenSource timeout)
    {
        // TryReset stops the timer; it fails once the source was cancelled (timed out or by the caller), which is then
        // disposed and never reused. The count is a soft bound: a few more may slip in under concurrency.
        if (_idleTimeouts.Count < MaxPooledTimeouts && timeout.TryReset())
        {
            _idleTimeouts.Enqueue(timeout);
        }
        else
        {
            timeout.Dispose();
        }
    }

    private HttpRequestMessage CreateMessage(Uri eventUrl, string? env, PreparedRequest request)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, eventUrl);
        message.Headers.TryAddWithoutValidation("User-Agent", InngestClient.SdkHeaderValue);
        message.Headers.TryAddWithoutValidation("x-inngest-sdk", InngestClient.SdkHeaderValue);
        message.Headers.TryAddWithoutValidation("x-inngest-event-id-seed", request.Seed);
        if (env is not null)
        {
            message.Headers.TryAddWithoutValidation("x-inngest-env", env);
        }

        var content = new ReadOnlyMemoryContent(request.Body.WrittenMemory);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        message.Content = content;
        if (_propagateTraceContext && Activity.Current is { } current)
        {
            DistributedContextPropagator.Current.Inject(current, message, static (carrier, name, value) =>
            {
                if (carrier is HttpRequestMessage request && name is not null)
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }
            });
        }

        return message;
    }

    /// <summary>The error's type and cleaned message, with its first inner exception's: what a log line needs.</summary>
    private string Describe(Exception ex)
    {
        var text = $"{ex.GetType().Name}: {ex.Message}";
        if (ex.InnerException is { } inner)
        {
            text += $" ({inner.GetType().Name}: {inner.Message})";
        }

        return _redactor.Clean(text)!;
    }
}
