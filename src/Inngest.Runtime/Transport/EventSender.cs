using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Inngest;

/// <summary>
/// Runs one send call: checks the call, writes every request body (<see cref="RequestBatcher"/>), sends the requests
/// in order with retries (<see cref="AttemptSender"/>, <see cref="RetryStrategy"/>) and turns how it ended into a
/// result or one of the four documented exceptions, each with the outcome of every event. The accepted ids of earlier
/// requests are kept whatever happens later, so a caller never resends what is stored.
/// </summary>
internal sealed class EventSender
{
    private readonly InngestSettings _settings;
    private readonly ClientLimits _limits;
    private readonly JsonMetadataResolver _resolver;
    private readonly AttemptSender _attempts;
    private readonly RetryStrategy _retry;
    private readonly InngestRetryOptions _retryOptions;
    private readonly InngestSendListener? _listener;
    private readonly TimeProvider _time;
    private readonly Redactor _redactor;
    private readonly SendMiddlewarePipeline _middleware;

    public EventSender(InngestSettings settings, ClientLimits limits, JsonMetadataResolver resolver, AttemptSender attempts, InngestRetryOptions retry, InngestSendListener? listener, TimeProvider time, Redactor redactor, SendMiddlewarePipeline? middleware = null)
    {
        _redactor = redactor;
        _middleware = middleware ?? SendMiddlewarePipeline.Empty;
        _settings = settings;
        _limits = limits;
        _resolver = resolver;
        _attempts = attempts;
        _retryOptions = retry;
        _retry = new RetryStrategy(retry);
        _listener = listener;
        _time = time;
    }

    /// <remarks>
    /// The whole call runs in one pooled async method, its attempts included: each async level that awaits the network
    /// costs about 0.4 us of CPU per send (docs/benchmarks.md, section 6e), and an async <see cref="Task"/> method would
    /// allocate its whole state machine per call, where the pooled box is reused and the <see cref="Task"/> the caller
    /// gets is a small wrapper around it.
    /// </remarks>
    public Task<InngestSendResult> SendAsync(IReadOnlyList<InngestEvent> events, InngestSendOptions? options, CancellationToken cancellationToken)
        => RunAsync(events, options, cancellationToken).AsTask();

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<InngestSendResult> RunAsync(IReadOnlyList<InngestEvent> events, InngestSendOptions? options, CancellationToken cancellationToken)
    {
        using var scope = new SendScope(events, _listener, _time);
        // The accepted ids of a call's requests so far (for the outcome of a failure); a call of one request never fills
        // it: its result takes the answer's own list, so the list is only sized when there are more.
        var ids = new List<string>();
        List<PreparedRequest>? requests = null;
        try
        {
            // What needs no await is synchronous: the checks, hooks and bodies (Prepare) and what follows a failed
            // attempt (RetryDelayOrThrow).
            requests = Prepare(events, options, ids, cancellationToken, out var eventUrl, out var env);
            scope.Starting(requests.Count);
            if (requests.Count > 1)
            {
                ids.Capacity = events.Count;
            }

            IReadOnlyList<string>? accepted = null;
            for (var i = 0; i < requests.Count; i++)
            {
                var request = requests[i];
                scope.Requests++;
                scope.EventsAttempted = request.Start + request.Count;
                for (var attempt = 1; ; attempt++)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        throw Canceled(ids, attempt > 1 ? request.Count : 0, events.Count, null, cancellationToken);
                    }

                    scope.Attempts++;
                    var last = await _attempts.SendAsync(eventUrl, env, request, cancellationToken).ConfigureAwait(false);
                    scope.LastStatus = last.StatusCode ?? scope.LastStatus;
                    if (last.Ids is { } acknowledged)
                    {
                        accepted = acknowledged;
                        break;
                    }

                    var delay = RetryDelayOrThrow(last, attempt, request, events.Count, ids, cancellationToken);
                    scope.Retrying(attempt, last.StatusCode, last.Reason, delay);
                    try
                    {
                        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
                    {
                        throw Canceled(ids, request.Count, events.Count, ex, cancellationToken);
                    }
                }

                if (requests.Count > 1)
                {
                    ids.AddRange(accepted);
                }
            }

            scope.Succeeded();
            return new InngestSendResult(requests.Count == 1 ? accepted! : ids);
        }
        catch (Exception ex) when (ex is InngestSendException or InngestSendCanceledException or InngestEventValidationException or InngestConfigurationException)
        {
            scope.Failed(ex);
            throw;
        }
        catch (Exception ex)
        {
            // Not expected (every path above returns a documented exception), but if anything slips through, the caller
            // still gets the documented type and the ids accepted so far instead of a raw exception that loses them.
            var outcome = new InngestSendOutcome(ids.ToArray(), Math.Max(0, scope.EventsAttempted - ids.Count), events.Count);
            if (cancellationToken.IsCancellationRequested)
            {
                var canceled = new InngestSendCanceledException(FailureMessages.Canceled(outcome), outcome, _redactor.Redact(ex), cancellationToken);
                scope.Failed(canceled);
                throw canceled;
            }

            var failure = new InngestSendException(
                $"Events not sent: the send failed unexpectedly ({_redactor.Clean(ex.GetType().Name + ": " + ex.Message)}). ({outcome.Describe()}.)",
                null, null, scope.Attempts, outcome, null, _redactor.Redact(ex));
            scope.Failed(failure);
            throw failure;
        }
        finally
        {
            for (var i = 0; i < (requests?.Count ?? 0); i++)
            {
                requests![i].Dispose();
            }
        }
    }

    /// <summary>
    /// Checks the call (an event key, the per-call environment, the caller's token), runs the send hooks and writes
    /// every request body, so a bad event or a failing hook sends nothing.
    /// </summary>
    private List<PreparedRequest> Prepare(IReadOnlyList<InngestEvent> events, InngestSendOptions? options, List<string> ids, CancellationToken cancellationToken, out Uri eventUrl, out string? env)
    {
        eventUrl = _settings.EventUrl ?? throw new InngestConfigurationException(FailureMessages.NoEventKey);
        env = _settings.Env;
        if (!string.IsNullOrWhiteSpace(options?.Env))
        {
            env = options!.Env!.Trim();
            InngestSettings.ValidateEnv(env, "InngestSendOptions.Env");
        }

        if (cancellationToken.IsCancellationRequested)
        {
            throw Canceled(ids, 0, events.Count, null, cancellationToken);
        }

        return RequestBatcher.Prepare(_middleware.Apply(events), _time.GetUtcNow().ToUnixTimeMilliseconds(), _limits.MaxEventsPerRequest, _limits.MaxRequestBytes, _limits.MaxEventBytes, _resolver);
    }

    /// <summary>
    /// What follows a failed attempt of <paramref name="request"/>: the delay before the next one, or the call's end as
    /// its exception (canceled; not retryable; out of attempts; a <c>Retry-After</c> beyond the retry budget), with the
    /// ids accepted so far, the failing request's acknowledged prefix included.
    /// </summary>
    private TimeSpan RetryDelayOrThrow(AttemptResult last, int attempt, PreparedRequest request, int totalEvents, List<string> ids, CancellationToken cancellationToken)
    {
        if (last.Failure == AttemptFailure.Canceled)
        {
            throw Canceled(ids, request.Count, totalEvents, last.Error, cancellationToken);
        }

        var retryAfterTooLong = false;
        if (last.Retryable && attempt < _retry.MaxAttempts)
        {
            if (_retry.DelayAfter(attempt, last.RetryAfter) is { } delay)
            {
                return delay;
            }

            retryAfterTooLong = true;
        }

        // The failing request's accepted prefix (a 400 lists the ids stored before the failure).
        if (last.AcceptedPrefix is { } accepted)
        {
            ids.AddRange(accepted);
        }

        var outcome = new InngestSendOutcome(ids.ToArray(), request.Start + request.Count - ids.Count, totalEvents);
        throw new InngestSendException(
            FailureMessages.Failed(last, attempt, outcome, _settings.EventBaseUrl, _retryOptions, retryAfterTooLong),
            last.StatusCode,
            last.ServerError,
            attempt,
            outcome,
            last.RetryAfter,
            last.Error);
    }

    private static InngestSendCanceledException Canceled(List<string> ids, int unacknowledged, int totalEvents, Exception? inner, CancellationToken token)
    {
        var outcome = new InngestSendOutcome(ids.ToArray(), unacknowledged, totalEvents);
        return new InngestSendCanceledException(FailureMessages.Canceled(outcome), outcome, inner, token);
    }
}
