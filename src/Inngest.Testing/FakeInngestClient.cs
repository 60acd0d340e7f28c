using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Inngest.Testing;

/// <summary>
/// An <see cref="IInngestClient"/> for your unit tests: it records every send call, answers with ids, and can
/// be told to fail. Every typed <c>Send&lt;Name&gt;Async</c> method and every helper of
/// <see cref="InngestClientExtensions"/> ends in <see cref="SendAsync"/>, so all of them are recorded.
/// </summary>
/// <remarks>
/// Each call runs through a real <see cref="InngestClient"/> over an in-memory transport (nothing leaves the
/// process): events are validated and serialized exactly as in production, so an invalid event throws the same
/// <see cref="InngestEventValidationException"/>, the wire JSON of each event is available in
/// <see cref="FakeInngestSend.Json"/>, and failures are genuine <see cref="InngestSendException"/>s. Like the
/// real client it reports the <c>Inngest.Typed</c> spans and metrics. Thread-safe.
/// </remarks>
/// <example>
/// <code>
/// var inngest = new FakeInngestClient();
/// await new SignupService(inngest).SignUpAsync("645e9f6794e10937e9bdc201");
/// var created = Assert.Single(inngest.Sent&lt;AccountCreated&gt;());
/// Assert.Equal("pro", created.BillingPlan);
/// </code>
/// </example>
public sealed partial class FakeInngestClient : IInngestClient, IDisposable
{
    private const string FakeKey = "fake-event-key";

    private readonly object _gate = new();
    private readonly List<FakeInngestSend> _calls = new();
    private readonly Queue<Func<Exception?>> _failures = new();
    private readonly HttpClient _http;
    private readonly InngestClient _client;
    private readonly TimeProvider _time;
    private long _nextId;

    /// <summary>Creates a fake that succeeds until told otherwise.</summary>
    /// <param name="timeProvider">The clock for the events' default <c>ts</c>; default <see cref="TimeProvider.System"/>.</param>
    public FakeInngestClient(TimeProvider? timeProvider = null)
        : this(Array.Empty<InngestSendMiddleware>(), timeProvider)
    {
    }

    /// <summary>
    /// Creates a fake that runs <paramref name="sendMiddleware"/> on every event, in order, as a client configured with
    /// them does: the recorded <see cref="FakeInngestSend.Json"/> is what they wrote (encrypted, for an encryption
    /// middleware: read it back with <see cref="Received{T}(InngestParseOptions?)"/> and options that decrypt). Without an
    /// encryption middleware, events with a member marked <see cref="InngestEncryptedAttribute"/> are refused, as by a real client.
    /// </summary>
    /// <param name="sendMiddleware">The hooks, as in <see cref="InngestClientOptions.SendMiddleware"/>.</param>
    /// <param name="timeProvider">The clock for the events' default <c>ts</c>; default <see cref="TimeProvider.System"/>.</param>
    public FakeInngestClient(IEnumerable<InngestSendMiddleware> sendMiddleware, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(sendMiddleware);
        _time = timeProvider ?? TimeProvider.System;
        _http = new HttpClient(new InMemoryEventApi(this), disposeHandler: true);
        var options = new InngestClientOptions
        {
            EventKey = FakeKey,
            BaseUrl = "https://inngest.fake/",
            IsDev = false,
            MaxAttempts = 1,
            TimeProvider = _time,
            EnvironmentReader = static _ => null,
        };
        foreach (var hook in sendMiddleware)
        {
            options.SendMiddleware.Add(hook);
        }

        _client = new InngestClient(_http, options);
    }

    /// <summary>
    /// Makes the ids returned for each event; receives the 1-based sequence number of the event across the fake's
    /// life. Default: <c>01FAKE</c> followed by the number padded to 26 characters, like a ULID.
    /// </summary>
    public Func<long, string> IdFactory { get; set; } = static n => "01FAKE" + n.ToString("D20", CultureInfo.InvariantCulture);

    /// <summary>
    /// Decides per call whether it fails: return an exception to throw it, or <see langword="null"/> to let the
    /// call succeed. Consulted after the queued failures of <see cref="FailNext"/> and <see cref="ThrowNext"/>.
    /// </summary>
    public Func<IReadOnlyList<InngestEvent>, Exception?>? FailWhen { get; set; }

    /// <summary>Every send call in order, the failed ones included.</summary>
    public IReadOnlyList<FakeInngestSend> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToArray();
            }
        }
    }

    /// <summary>The events of the successful calls, in the order they were sent.</summary>
    public IReadOnlyList<InngestEvent> SentEvents
    {
        get
        {
            var events = new List<InngestEvent>();
            foreach (var call in Calls)
            {
                if (call.Succeeded)
                {
                    events.AddRange(call.Events);
                }
            }

            return events;
        }
    }

    /// <summary>
    /// The payloads of type <typeparamref name="T"/> that were sent successfully, in order: the <c>data</c> of every
    /// <see cref="InngestEvent{T}"/>, whether it came from a generated <c>Send&lt;Name&gt;Async</c>,
    /// <c>SendAsync(data)</c>, <c>data.ToEvent()</c> or <c>new InngestEvent&lt;T&gt;(...)</c>.
    /// </summary>
    /// <typeparam name="T">The payload type, for example an <c>[InngestEvent]</c> record.</typeparam>
    public IReadOnlyList<T> Sent<T>()
    {
        var payloads = new List<T>();
        foreach (var evt in SentEvents)
        {
            if (evt is InngestEvent<T> typed)
            {
                payloads.Add(typed.Data);
            }
        }

        return payloads;
    }

    /// <summary>The successfully sent events of payload type <typeparamref name="T"/>, with their <c>user</c>, <c>id</c>, <c>ts</c> and <c>v</c>.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    public IReadOnlyList<InngestEvent<T>> SentEventsOf<T>()
    {
        var events = new List<InngestEvent<T>>();
        foreach (var evt in SentEvents)
        {
            if (evt is InngestEvent<T> typed)
            {
                events.Add(typed);
            }
        }

        return events;
    }

    /// <summary>The successfully sent events with the given name (typed or not), in order.</summary>
    /// <param name="name">The event name, for example <c>app/account.created</c>.</param>
    public IReadOnlyList<InngestEvent> SentNamed(string name)
    {
        var events = new List<InngestEvent>();
        foreach (var evt in SentEvents)
        {
            if (string.Equals(evt.Name, name, StringComparison.Ordinal))
            {
                events.Add(evt);
            }
        }

        return events;
    }

    /// <summary>
    /// Makes the next <paramref name="calls"/> send calls fail as if Inngest kept answering HTTP
    /// <paramref name="statusCode"/>: each throws a real <see cref="InngestSendException"/> with that status and
    /// <paramref name="serverError"/>, and records nothing as sent.
    /// </summary>
    /// <param name="calls">How many calls fail, from the next one.</param>
    /// <param name="statusCode">The HTTP status to simulate; default 500.</param>
    /// <param name="serverError">The server's <c>error</c> text.</param>
    public void FailNext(int calls = 1, int statusCode = 500, string serverError = "simulated failure")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        if (statusCode is >= 200 and < 300)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Use a status that is not 2xx, such as 500, 429 or 401.");
        }

        lock (_gate)
        {
            for (var i = 0; i < calls; i++)
            {
                _failures.Enqueue(() => new SimulatedStatus(statusCode, serverError));
            }
        }
    }

    /// <summary>Makes the next send call throw <paramref name="exception"/> (before anything is recorded as sent).</summary>
    /// <param name="exception">The exception to throw, for example an <see cref="OperationCanceledException"/>.</param>
    public void ThrowNext(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        lock (_gate)
        {
            _failures.Enqueue(() => exception);
        }
    }

    /// <summary>Forgets the recorded calls and the pending failures.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _calls.Clear();
            _failures.Clear();
        }
    }

    /// <inheritdoc />
    public async Task<InngestSendResult> SendAsync(IReadOnlyList<InngestEvent> events, InngestSendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var snapshot = new List<InngestEvent>(events).AsReadOnly();
        Exception? planned;
        lock (_gate)
        {
            planned = _failures.Count > 0 ? _failures.Dequeue()() : null;
        }

        planned ??= FailWhen?.Invoke(snapshot);
        var call = new FakeInngestSend(snapshot, options);
        lock (_gate)
        {
            _calls.Add(call);
        }

        if (planned is not null and not SimulatedStatus)
        {
            call.Exception = planned;
            throw planned;
        }

        try
        {
            using var scope = new CallScope(call, planned as SimulatedStatus);
            var result = await _client.SendAsync(snapshot, options, cancellationToken).ConfigureAwait(false);
            call.Ids = result.Ids;
            return result;
        }
        catch (Exception ex)
        {
            call.Exception = ex;
            throw;
        }
    }

    /// <summary>Releases the in-memory transport.</summary>
    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }

    private static readonly AsyncLocal<CallScope?> CurrentCall = new();

    private sealed class SimulatedStatus : Exception
    {
        public SimulatedStatus(int statusCode, string serverError)
        {
            StatusCode = statusCode;
            ServerError = serverError;
        }

        public int StatusCode { get; }

        public string ServerError { get; }
    }

    /// <summary>Ties the in-memory request back to the fake's call that made it.</summary>
    private sealed class CallScope : IDisposable
    {
        private readonly CallScope? _previous;

        public CallScope(FakeInngestSend call, SimulatedStatus? failure)
        {
            Call = call;
            Failure = failure;
            _previous = CurrentCall.Value;
            CurrentCall.Value = this;
        }

        public FakeInngestSend Call { get; }

        public SimulatedStatus? Failure { get; }

        public void Dispose() => CurrentCall.Value = _previous;
    }

    /// <summary>Answers like the Event API: one id per event, or the simulated failure.</summary>
    private sealed class InMemoryEventApi : HttpMessageHandler
    {
        private readonly FakeInngestClient _owner;

        public InMemoryEventApi(FakeInngestClient owner)
        {
            _owner = owner;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var scope = CurrentCall.Value;
            int count;
            using (var document = JsonDocument.Parse(body))
            {
                var json = new List<JsonElement>();
                foreach (var element in document.RootElement.EnumerateArray())
                {
                    json.Add(element.Clone());
                }

                scope?.Call.AddJson(json);
                count = json.Count;
            }

            if (scope?.Failure is { } failure)
            {
                return Answer((HttpStatusCode)failure.StatusCode, "{\"error\":" + JsonSerializer.Serialize(failure.ServerError, FakeJson.Default.String) + ",\"status\":" + failure.StatusCode.ToString(CultureInfo.InvariantCulture) + "}");
            }

            var builder = new StringBuilder("{\"ids\":[");
            for (var i = 0; i < count; i++)
            {
                var id = _owner.IdFactory(Interlocked.Increment(ref _owner._nextId));
                builder.Append(i == 0 ? string.Empty : ",").Append(JsonSerializer.Serialize(id, FakeJson.Default.String));
            }

            builder.Append("],\"status\":200}");
            return Answer(HttpStatusCode.OK, builder.ToString());
        }

        private static HttpResponseMessage Answer(HttpStatusCode status, string json) => new(status)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
    }
}
