using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Inngest.Extensions.DependencyInjection;
using Inngest.Testing.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inngest.Extensions.Tests;

/// <summary>
/// Issue 11 on the dependency-injection path: the Aspire-style resilience defaults, a throwing logger provider, a primary
/// handler that follows redirects, the HTTP diagnostics events, a config typo and the pooled connections.
/// </summary>
public sealed class FaultPathTests : IAsyncLifetime
{
    private CaptureServer _server = null!;

    public async Task InitializeAsync() => _server = await CaptureServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static void ShortTimeouts(HttpStandardResilienceOptions o)
    {
        o.Retry.Delay = TimeSpan.FromMilliseconds(1);
        o.Retry.UseJitter = false;
        o.Retry.MaxRetryAttempts = 1;
        o.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(100);
        o.TotalRequestTimeout.Timeout = TimeSpan.FromMilliseconds(300);
    }

    [Fact]
    public async Task The_Aspire_resilience_defaults_time_out_into_an_InngestSendException_that_keeps_the_accepted_ids()
    {
        using var host = await Hosts.StartAsync(
            Hosts.Config(_server, ("Inngest:MaxEventsPerRequest", "1"), ("Inngest:MaxAttempts", "2")),
            services: s => s.ConfigureHttpClientDefaults(h => h.AddStandardResilienceHandler(ShortTimeouts)));
        _server.Responder = _ => _server.Requests.Count == 1
            ? ScriptedResponse.Ok()
            : new ScriptedResponse(200) { Acknowledge = true, Delay = TimeSpan.FromSeconds(3) };

        var failure = await Assert.ThrowsAsync<InngestSendException>(() => host.Services.GetRequiredService<IInngestClient>().SendAsync(new InngestEvent[] { Events.Account(), Events.Invoice(), Events.Invoice("inv-2") }));

        Assert.Equal(CaptureServer.IdFor(_server.Requests[0].Header("x-inngest-event-id-seed"), 0), Assert.Single(failure.AcceptedIds));
        Assert.Equal(new[] { 1 }, failure.Outcome.UnacknowledgedEventIndexes);
        Assert.Equal(new[] { 2 }, failure.Outcome.NotSentEventIndexes);
        Assert.Null(failure.StatusCode);
        Assert.Contains("TimeoutRejectedException", failure.ToString());
    }

    private sealed class ThrowingLoggerProvider : ILoggerProvider
    {
        // Only the client's category throws, so the host itself can start and log.
        public ILogger CreateLogger(string categoryName) => categoryName == typeof(InngestClient).FullName ? new ThrowingLogger() : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class ThrowingLogger : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => throw new InvalidOperationException("the log sink is down");
        }
    }

    [Fact]
    public async Task A_throwing_logger_provider_never_turns_an_accepted_send_into_a_failure()
    {
        using var host = await Hosts.StartAsync(Hosts.Config(_server), services: s => s.AddLogging(b => b.AddProvider(new ThrowingLoggerProvider())));
        _server.Enqueue(ScriptedResponse.Empty(503));

        var result = await host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account());

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(CaptureServer.IdFor(_server.Requests[1].Header("x-inngest-event-id-seed"), 0), Assert.Single(result.Ids));
    }

    [Fact]
    public async Task A_primary_handler_of_your_own_never_follows_a_redirect_to_another_port()
    {
        await using var elsewhere = await CaptureServer.StartAsync();
        _server.Responder = r => new ScriptedResponse(307) { Headers = new Dictionary<string, string> { ["Location"] = new Uri(elsewhere.BaseUrl, r.RawTarget).ToString() } };
        using var host = await Hosts.StartAsync(Hosts.Config(_server), http: b => b.ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler()));

        var failure = await Assert.ThrowsAsync<InngestSendException>(() => host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account()));

        Assert.Empty(elsewhere.Requests);
        Assert.Equal(307, failure.StatusCode);
        Assert.Empty(failure.AcceptedIds);
    }

    /// <summary>Records every event of every DiagnosticListener (names and payloads as text) while it lives.</summary>
    private sealed class DiagnosticRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = new();
        private readonly IDisposable _all;

        public DiagnosticRecorder() => _all = DiagnosticListener.AllListeners.Subscribe(this);

        public List<string> Events { get; } = new();

        public void OnNext(DiagnosticListener value)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, (_, _, _) => true));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            lock (Events)
            {
                Events.Add($"{value.Key}: {value.Value}");
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _all.Dispose();
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }

    [Fact]
    public async Task No_DiagnosticListener_event_of_the_DI_client_carries_the_key()
    {
        using var recorder = new DiagnosticRecorder();
        using var host = await Hosts.StartAsync(Hosts.Config(_server));

        await host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account());

        string[] events;
        lock (recorder.Events)
        {
            events = recorder.Events.ToArray();
        }

        Assert.All(events, e => Assert.DoesNotContain(Events.Key, e));
    }

    [Theory]
    [InlineData("Inngest:AttemptTimeout", "60")]
    [InlineData("Inngest:MaxRetryDelay", "30")]
    public async Task A_bare_number_for_a_time_span_fails_the_start_instead_of_meaning_days(string key, string value)
    {
        using var host = Hosts.Build(Hosts.Config(_server, (key, value)));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, failure.Message);
        Assert.Contains("days", failure.Message);
        Assert.Contains("00:00:", failure.Message);
    }

    [Fact]
    public void The_primary_handler_renews_pooled_connections()
    {
        using var host = Hosts.Build(Hosts.Config(_server));
        HttpMessageHandler? handler = host.Services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(InngestServiceCollectionExtensions.HttpClientName);
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler;
        }

        var sockets = Assert.IsType<SocketsHttpHandler>(handler);
        Assert.False(sockets.AllowAutoRedirect);
        Assert.InRange(sockets.PooledConnectionLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15));
    }
}
