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

    public async Task<InngestSendResult> SendAsync(IReadOnlyList<InngestEvent> events, InngestSendOptions? options, CancellationToken cancellationToken)
    {
        using var scope = new SendScope(events, _listener, _time);
        // The accepted ids of a call's requests so far (for the outcome of a failure); a call of one request never fills
        // it: its result takes the answer's own list, so the list is only sized when there are more.
        var ids = new List<string>();
        List<PreparedRequest>? requests = null;
        try
        {
            // The call's one async level above the requests': each level that awaits the network costs about 0.4 us of
            // CPU per send (docs/benchmarks.md, single sends), so what needs no await (checks, hooks, bodies) is
            // done by Prepare, synchronously.
            requests = Prepare(events, options, ids, cancellationToken, out var eventUrl, out var env);
            scope.Starting(requests.Count);
            if (requests.Count > 1)
            {
                ids.Capacity = events.Count;
            }

            // Indexed loops: an enumerator would be one more field of this method's state machine, which is the Task
            // every call allocates.
            IReadOnlyList<string>? accepted = null;
            for (var i = 0; i < requests.Count; i++)
            {
                var request = requests[i];
                scope.Requests++;
                scope.EventsAttempted = request.Start + request.Count;
                accepted = await SendRequestAsync(eventUrl, env, events.Count, request, ids, scope, cancellationToken).ConfigureAwait(false);
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

    /// <returns>The request's ids, in event order (the caller adds them to <paramref name="ids"/>, the ids of the requests before).</returns>
    // A pooled ValueTask: every attempt awaits the network, and a Task would be a state-machine box per send.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<IReadOnlyList<string>> SendRequestAsync(Uri eventUrl, string? env, int totalEvents, PreparedRequest request, List<string> ids, SendScope scope, CancellationToken cancellationToken)
    {
        var attempt = 0;
        AttemptResult last;
        var retryAfterTooLong = false;
        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw Canceled(ids, attempt > 0 ? request.Count : 0, totalEvents, null, cancellationToken);
            }

            attempt++;
            scope.Attempts++;
            last = await _attempts.SendAsync(eventUrl, env, request, cancellationToken).ConfigureAwait(false);
            scope.LastStatus = last.StatusCode ?? scope.LastStatus;
            if (last.Ids is not null)
            {
                return last.Ids;
            }

            if (last.Failure == AttemptFailure.Canceled)
            {
                throw Canceled(ids, request.Count, totalEvents, last.Error, cancellationToken);
            }

            if (!last.Retryable || attempt >= _retry.MaxAttempts)
            {
                break;
            }

            if (_retry.DelayAfter(attempt, last.RetryAfter) is not { } delay)
            {
                retryAfterTooLong = true;
                break;
            }

            scope.Retrying(attempt, last.StatusCode, last.Reason, delay);
            try
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
            {
                throw Canceled(ids, request.Count, totalEvents, ex, cancellationToken);
            }
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
