using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Reliability.Tests;

/// <summary>
/// The event key never shows up in exception messages (inner ones included), <c>ToString()</c> of
/// any public type, listener (log) output, span names, tags, events or status, or metric tags, under
/// every fault the fault server makes and for servers that echo the request path back.
/// </summary>
[Collection(nameof(SerialCollection))] // activity and meter listeners are process-wide
public sealed class SecurityTests
{
    /// <summary>Every form of the key (raw, escaped) contains this core.</summary>
    private const string Core = "LEAK7d6c5b4a";
    private const string Key = "evt-" + Core + "/x?y#z w%";

    /// <summary>Collects every string the outside world can see from the client.</summary>
    private sealed class Exposure : InngestSendListener, IDisposable
    {
        private readonly ConcurrentQueue<string> _texts = new();
        private readonly ActivityListener _activities;
        private readonly MeterListener _meters;

        public Exposure()
        {
            _activities = new ActivityListener
            {
                ShouldListenTo = _ => true,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStarted = a => Add("activity start " + a.Source.Name + " " + a.OperationName + " " + a.DisplayName),
                ActivityStopped = Record,
            };
            ActivitySource.AddActivityListener(_activities);
            _meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument),
            };
            _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, tags));
            _meters.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, tags));
            _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, tags));
            _meters.Start();
        }

        public int Activities { get; private set; }

        public int Measurements { get; private set; }

        public int ListenerCalls { get; private set; }

        public IEnumerable<string> Texts => _texts;

        public void Add(string? text)
        {
            if (text is not null)
            {
                _texts.Enqueue(text);
            }
        }

        public void AddException(Exception? ex)
        {
            for (var e = ex; e is not null; e = e.InnerException)
            {
                Add(e.GetType().FullName + ": " + e.Message);
                Add(e.ToString());
                foreach (DictionaryEntry entry in e.Data)
                {
                    Add($"{entry.Key}={entry.Value}");
                }

                switch (e)
                {
                    case InngestSendException send:
                        Add(send.ServerError);
                        Add(send.Outcome.ToString());
                        Add(string.Join(",", send.AcceptedIds));
                        break;
                    case InngestSendCanceledException canceled:
                        Add(canceled.Outcome.ToString());
                        break;
                    case InngestEventValidationException invalid:
                        Add(invalid.EventName);
                        Add(invalid.ParamName);
                        break;
                    case HttpRequestException http:
                        Add(http.StatusCode?.ToString());
                        break;
                }
            }
        }

        public override void SendStarting(IReadOnlyList<InngestEvent> events, int requests)
        {
            ListenerCalls++;
            Add($"starting {requests}");
        }

        public override void Retrying(IReadOnlyList<InngestEvent> events, int failedAttempt, int? statusCode, string? reason, TimeSpan delay)
        {
            ListenerCalls++;
            Add($"retrying {failedAttempt} {statusCode} {reason} {delay}");
        }

        public override void SendSucceeded(IReadOnlyList<InngestEvent> events, int attempts, TimeSpan elapsed)
        {
            ListenerCalls++;
            Add($"succeeded {attempts}");
        }

        public override void SendFailed(IReadOnlyList<InngestEvent> events, Exception exception, TimeSpan elapsed)
        {
            ListenerCalls++;
            AddException(exception);
        }

        public void AssertNoKey()
        {
            var leaks = _texts.Where(t => t.Contains(Core, StringComparison.OrdinalIgnoreCase)).Distinct().Take(5).ToArray();
            Assert.True(leaks.Length == 0, "the event key leaked into: " + string.Join(" || ", leaks));
        }

        public void Dispose()
        {
            _activities.Dispose();
            _meters.Dispose();
        }

        private void Record(Activity activity)
        {
            Activities++;
            Add($"{activity.Source.Name} {activity.OperationName} {activity.DisplayName} {activity.StatusDescription}");
            foreach (var tag in activity.TagObjects)
            {
                Add($"tag {tag.Key}={tag.Value}");
            }

            foreach (var e in activity.Events)
            {
                Add("event " + e.Name);
                foreach (var tag in e.Tags)
                {
                    Add($"event tag {tag.Key}={tag.Value}");
                }
            }

            foreach (var item in activity.Baggage)
            {
                Add($"baggage {item.Key}={item.Value}");
            }
        }

        private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            Measurements++;
            Add(instrument.Meter.Name + " " + instrument.Name + " " + instrument.Description);
            foreach (var tag in tags)
            {
                Add($"metric tag {tag.Key}={tag.Value}");
            }
        }
    }

    private static InngestClientOptions Options(Uri baseUrl, Exposure exposure, int maxAttempts = 2, int attemptTimeoutMs = 30_000) => new()
    {
        EventKey = Key,
        BaseUrl = baseUrl.ToString(),
        EnvironmentReader = _ => null,
        MaxAttempts = maxAttempts,
        InitialRetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryJitter = TimeSpan.Zero,
        MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        AttemptTimeout = TimeSpan.FromMilliseconds(attemptTimeoutMs),
        MaxEventsPerRequest = 2,
        Listener = exposure,
    };

    private static InngestEvent[] Events() => new[]
    {
        InngestEvent.FromJson("app/a", "{\"k\":\"s0\"}"),
        InngestEvent.FromJson("app/b", "{\"k\":\"s1\"}"),
        InngestEvent.FromJson("app/c", "{\"k\":\"s2\"}"),
    };

    [Fact]
    public async Task The_key_appears_in_the_request_path_only_escaped_as_one_segment()
    {
        await using var server = await FaultServer.StartAsync();
        using var exposure = new Exposure();
        using var client = new InngestClient(Options(server.BaseUrl, exposure));
        await client.SendAsync(Events());
        Assert.All(server.Requests, r => Assert.Equal("/e/" + Uri.EscapeDataString(Key), r.RawTarget));
        Assert.Equal("/e/evt-" + Core + "%2Fx%3Fy%23z%20w%25", server.Requests[0].RawTarget);
        Assert.True(exposure.ListenerCalls > 0);
    }

    [Fact]
    public async Task No_fault_puts_the_key_in_messages_logs_traces_or_metrics()
    {
        await using var server = await FaultServer.StartAsync();
        server.LateAnswerDelay = TimeSpan.FromSeconds(2);
        using var exposure = new Exposure();
        using var client = new InngestClient(Options(server.BaseUrl, exposure, attemptTimeoutMs: 300));
        exposure.Add(client.ToString());

        foreach (var fault in Enum.GetValues<Fault>())
        {
            server.Policy = _ => fault;
            try
            {
                var result = await client.SendAsync(Events());
                exposure.Add(result.ToString());
            }
            catch (Exception ex)
            {
                exposure.AddException(ex);
            }
        }

        // Cancellation during a request, and a server that is not there at all.
        server.Policy = _ => Fault.AnswerAfterTimeout;
        using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100)))
        {
            exposure.AddException(await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(Events(), cancellationToken: cts.Token)));
        }

        using (var nowhere = new InngestClient(Options(new Uri("http://127.0.0.1:9/"), exposure, attemptTimeoutMs: 2000)))
        {
            exposure.AddException(await Assert.ThrowsAsync<InngestSendException>(() => nowhere.SendAsync(Events())));
        }

        // Bad input and bad configuration with the key set.
        exposure.AddException(await Assert.ThrowsAsync<InngestEventValidationException>(() => client.SendAsync(InngestEvent.FromJson("inngest/x", "{}"))));
        exposure.AddException(await Assert.ThrowsAsync<InngestConfigurationException>(() => client.SendAsync(Events(), new InngestSendOptions { Env = "bad\u0001env" })));
        var badOptions = Options(server.BaseUrl, exposure);
        badOptions.BaseUrl = "ftp://example.com/";
        exposure.AddException(Assert.Throws<InngestConfigurationException>(() => new InngestClient(badOptions)));

        Assert.True(exposure.Activities > 0, "no span was recorded: the trace scan saw nothing");
        Assert.True(exposure.Measurements > 0, "no metric was recorded: the metric scan saw nothing");
        exposure.AssertNoKey();
    }

    [Theory]
    [InlineData(404, "json-error")]
    [InlineData(401, "json-message")]
    [InlineData(500, "json-error")]
    [InlineData(502, "html")]
    public async Task A_server_that_echoes_the_request_path_does_not_leak_the_key(int status, string shape)
    {
        await using var server = await CaptureServer.StartAsync();
        server.Responder = request => shape switch
        {
            "json-error" => ScriptedResponse.Json(status, $"{{\"status\":{status},\"error\":\"Cannot POST {request.RawTarget} (key {Key.Replace("\\", "\\\\")})\"}}"),
            "json-message" => ScriptedResponse.Json(status, $"{{\"status\":{status},\"message\":\"Event key not found: {Uri.UnescapeDataString(request.RawTarget)}\"}}"),
            _ => ScriptedResponse.Text(status, $"<html>Bad gateway for {request.RawTarget}</html>"),
        };
        using var exposure = new Exposure();
        using var client = new InngestClient(Options(server.BaseUrl, exposure));

        var error = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Events()));
        exposure.AddException(error);

        Assert.Equal(status, error.StatusCode);
        Assert.Contains(Core, server.Requests[0].RawTarget); // the server did echo it
        if (shape != "html")
        {
            Assert.Contains("***", error.ServerError); // redacted, not dropped: the rest of the server's text stays
            Assert.Contains(shape == "json-error" ? "Cannot POST" : "Event key not found", error.Message);
        }

        exposure.AssertNoKey();
    }

    [Fact]
    public async Task The_trace_context_still_reaches_the_server_without_an_http_span_holding_the_url()
    {
        await using var server = await CaptureServer.StartAsync();
        using var exposure = new Exposure();
        var spans = new ConcurrentQueue<Activity>();
        using var all = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(all);
        using var client = new InngestClient(Options(server.BaseUrl, exposure));

        await client.SendAsync(Events());

        var send = Assert.Single(spans, a => a.OperationName == "inngest.send");
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal($"00-{send.TraceId.ToHexString()}-{send.SpanId.ToHexString()}-01", r.Header("traceparent")));
        Assert.DoesNotContain(spans, a => a.Source.Name == "System.Net.Http");
        exposure.AssertNoKey();
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Redirects_are_not_followed_to_another_origin(int status)
    {
        await using var origin = await CaptureServer.StartAsync();
        await using var elsewhere = await CaptureServer.StartAsync();
        origin.Responder = request => new ScriptedResponse(status)
        {
            Headers = new Dictionary<string, string> { ["Location"] = new Uri(elsewhere.BaseUrl, request.RawTarget).ToString() },
        };
        using var exposure = new Exposure();
        using var client = new InngestClient(Options(origin.BaseUrl, exposure));

        var error = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Events()));
        exposure.AddException(error);

        Assert.Empty(elsewhere.Requests);
        Assert.Single(origin.Requests); // a redirect is not retried either
        Assert.Equal(status, error.StatusCode);
        Assert.Contains("Redirects are not followed", error.Message);
        exposure.AssertNoKey();
    }

    [Fact]
    public void Cloud_defaults_use_https()
    {
        using var exposure = new Exposure();
        using var cloud = new InngestClient(new InngestClientOptions { EventKey = Key, EnvironmentReader = _ => null });
        Assert.False(cloud.IsDev);
        Assert.Equal(new Uri("https://inn.gs/"), cloud.EventApiBaseUrl);

        var env = new Dictionary<string, string> { ["INNGEST_EVENT_KEY"] = Key, ["INNGEST_DEV"] = "0" };
        using var fromEnvironment = new InngestClient(new InngestClientOptions { EnvironmentReader = n => env.GetValueOrDefault(n) });
        Assert.Equal(Uri.UriSchemeHttps, fromEnvironment.EventApiBaseUrl.Scheme);
        Assert.True(fromEnvironment.HasEventKey);
        exposure.Add(cloud.ToString());
        exposure.Add(fromEnvironment.ToString());
        exposure.AssertNoKey();
    }

    [Theory]
    [InlineData("key\uD800")]
    [InlineData("key\r\nx-injected: 1")]
    [InlineData("key\u0000nul")]
    public void Odd_keys_are_escaped_or_rejected_without_echoing_them(string odd)
    {
        var key = Core + odd;
        InngestClient? client = null;
        try
        {
            client = new InngestClient(new InngestClientOptions { EventKey = key, BaseUrl = "http://127.0.0.1:9/", EnvironmentReader = _ => null });
            Assert.DoesNotContain(Core, client.ToString());
            Assert.DoesNotContain("\n", client.EventApiBaseUrl.AbsoluteUri);
        }
        catch (Exception ex)
        {
            Assert.IsType<InngestConfigurationException>(ex);
            Assert.DoesNotContain(Core, ex.ToString());
        }
        finally
        {
            client?.Dispose();
        }
    }

    /// <summary>Keeps the context the client hands a send middleware (its constructor is internal).</summary>
    private sealed class CapturingMiddleware : InngestSendMiddleware
    {
        public InngestSendMiddlewareContext? Context { get; private set; }

        public override InngestEvent TransformEvent(InngestEvent evt, InngestSendMiddlewareContext context)
        {
            Context = context;
            return evt;
        }
    }

    private sealed class CapturingReceiveMiddleware : InngestReceiveMiddleware
    {
        public InngestReceiveMiddlewareContext? Context { get; private set; }

        public override System.Text.Json.JsonElement TransformData(System.Text.Json.JsonElement data, InngestReceiveMiddlewareContext context)
        {
            Context = context;
            return data;
        }
    }

    [Fact]
    public async Task No_public_type_shows_the_key_in_ToString()
    {
        await using var server = await FaultServer.StartAsync();
        var hook = new CapturingMiddleware();
        var hooked = new InngestClientOptions { EventKey = Key, BaseUrl = server.BaseUrl.ToString(), EnvironmentReader = _ => null, MaxAttempts = 1 };
        hooked.SendMiddleware.Add(hook);
        using (var hookedClient = new InngestClient(hooked))
        {
            await hookedClient.SendAsync(Events());
        }

        server.Script(Fault.BadRequestPartial);
        var options = new InngestClientOptions { EventKey = Key, BaseUrl = server.BaseUrl.ToString(), EnvironmentReader = _ => null, MaxAttempts = 1 };
        using var client = new InngestClient(options);
        var sendError = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Events()));
        using var cts = new CancellationTokenSource();
        server.Policy = _ => Fault.AnswerAfterTimeout;
        server.LateAnswerDelay = TimeSpan.FromSeconds(5);
        cts.CancelAfter(100);
        var canceled = await Assert.ThrowsAsync<InngestSendCanceledException>(() => client.SendAsync(Events(), cancellationToken: cts.Token));
        var invalid = await Assert.ThrowsAsync<InngestEventValidationException>(() => client.SendAsync(InngestEvent.FromJson("", "{}")));
        var config = Assert.Throws<InngestConfigurationException>(() => new InngestClient(new InngestClientOptions { EventKey = Key, BaseUrl = "nope", EnvironmentReader = _ => null }));

        // Receiving: an event of an unknown name (its data holds the key: ToString must not show payloads), a parse
        // error, and the receive middleware with the context it saw.
        var receiveHook = new CapturingReceiveMiddleware();
        var parseOptions = new InngestParseOptions { Registry = new InngestEventRegistry() };
        parseOptions.ReceiveMiddleware.Add(receiveHook);
        var unknown = InngestEvent.Parse("{\"name\":\"app/unknown\",\"data\":{\"note\":\"" + Key + "\"}}", parseOptions);
        var parseError = Assert.Throws<InngestEventParseException>(() => InngestEvent.Parse("""{"name":"app/unknown","data":{},"ts":"soon"}""", parseOptions));

        var instances = new Dictionary<Type, object>
        {
            [typeof(JsonInngestEvent)] = unknown,
            [typeof(InngestEventParseException)] = parseError,
            [typeof(InngestEventRegistry)] = parseOptions.Registry,
            [typeof(InngestParseOptions)] = parseOptions,
            [typeof(InngestReceiveMiddleware)] = receiveHook,
            [typeof(InngestReceiveMiddlewareContext)] = receiveHook.Context ?? throw new InvalidOperationException("the receive middleware saw no event"),
            [typeof(InngestClient)] = client,
            [typeof(InngestClientOptions)] = options,
            [typeof(InngestSendException)] = sendError,
            [typeof(InngestSendCanceledException)] = canceled,
            [typeof(InngestEventValidationException)] = invalid,
            [typeof(InngestConfigurationException)] = config,
            [typeof(InngestSendOutcome)] = sendError.Outcome,
            [typeof(InngestSendResult)] = new InngestSendResult(new[] { "01H08W4TMBNKMEWFD0TYC532GG" }),
            [typeof(InngestSendOptions)] = new InngestSendOptions { Env = "preview" },
            [typeof(InngestRetryOptions)] = options.Retry,
            [typeof(InngestUser)] = new InngestUser { Email = "a@example.com", Attributes = new JsonObject { ["k"] = Key } },
            [typeof(InngestEvent<>)] = new InngestEvent<Note>("app/note", new Note(Key, Key), ReliabilityJson.Default.Note) { Id = "id" },
            [typeof(InngestEvent)] = InngestEvent.FromJson("app/x", "{}"),
            [typeof(InngestEventAttribute)] = new InngestEventAttribute("app/x"),
            [typeof(InngestEncryptedAttribute)] = new InngestEncryptedAttribute(),
            [typeof(InngestEventEncoding)] = InngestEventEncoding.Create("app/x", "1"),
            [typeof(InngestSendListener)] = new Exposure(),
            [typeof(InngestSendMiddleware)] = hook,
            [typeof(InngestSendMiddlewareContext)] = hook.Context!,
        };

        // Every exported type that can have instances is covered: a new public type fails this test until it is added.
        // Ref structs (InngestEventDataReader, handed only to generated upgrade code) cannot be boxed or kept.
        var exported = typeof(InngestClient).Assembly.GetExportedTypes()
            .Where(t => !t.IsInterface && !t.IsEnum && !(t.IsAbstract && t.IsSealed) && !typeof(Delegate).IsAssignableFrom(t) && !t.IsByRefLike)
            .Select(t => t.IsGenericType ? t.GetGenericTypeDefinition() : t);
        var uncovered = exported.Where(t => !instances.ContainsKey(t)).Select(t => t.Name).ToArray();
        Assert.True(uncovered.Length == 0, "add an instance of: " + string.Join(", ", uncovered));

        foreach (var (type, instance) in instances)
        {
            var text = instance.ToString()!;
            Assert.False(text.Contains(Core, StringComparison.Ordinal), $"{type.Name}.ToString() shows the key: {text}");
        }

        ((IDisposable)instances[typeof(InngestSendListener)]).Dispose();
    }
}
