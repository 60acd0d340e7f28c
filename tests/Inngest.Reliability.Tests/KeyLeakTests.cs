using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit.Abstractions;

namespace Inngest.Reliability.Tests;

/// <summary>
/// The whole fault matrix, through a plain client and a client from <c>AddInngest()</c> (logging
/// through <see cref="InngestLoggingListener"/> into a real logger provider), while
/// <see cref="OutputCapture"/> listens to every output the process has. The key may appear only where
/// the platform itself publishes the request URL, and those places are asserted exactly.
/// </summary>
[Collection(nameof(SerialCollection))] // EventListener, ActivityListener, MeterListener and DiagnosticListener are process-wide
public sealed class KeyLeakTests
{
    private const string Core = "LEAK9e8f7a6b";
    private const string Key = "evt-" + Core + "/x?y#z w%";

    /// <summary>
    /// Where .NET itself publishes the request URL (path and key included) or a server's echo of it
    /// inside its own exception messages, whatever the library does: the <c>System.Net.Http</c>
    /// EventSource (RequestStart's <c>pathAndQuery</c>; RequestFailed's exception text) and the
    /// private HTTP trace source (request <c>ToString()</c>, error texts), for every client.
    /// docs/reliability.md and docs/observability.md name them and say how to turn them off.
    /// </summary>
    private static readonly string[] PlatformPlaces =
    {
        "eventsource Private.InternalDiagnostics.System.Net.Http/HandlerMessage message",
        "eventsource System.Net.Http/RequestFailed exceptionMessage",
        "eventsource System.Net.Http/RequestFailedDetailed exception",
        "eventsource System.Net.Http/RequestStart pathAndQuery",
    };

    /// <summary>
    /// Also for a client that sends through an <see cref="HttpClient"/> (custom; DI only when the application configures
    /// the HttpClient itself), not for the plain and the DI client, which call their handler without one: HttpClient's
    /// error trace in the private HTTP trace source.
    /// </summary>
    private static readonly string[] HttpClientPlaces =
    {
        "eventsource Private.InternalDiagnostics.System.Net.Http/ErrorMessage message",
    };

    /// <summary>
    /// Also for a client on a custom <see cref="HttpClient"/> whose handler keeps .NET's default
    /// <c>ActivityHeadersPropagator</c> (the library's own handlers, plain and DI, set it to null): .NET's DiagnosticsHandler, whose
    /// <c>HttpHandlerDiagnosticListener</c> events carry the request (its <c>ToString()</c> and <c>RequestUri</c>) and
    /// the response (whose <c>RequestMessage</c> is the request), and whose <c>HttpRequestOut</c> span records .NET's
    /// exception message (a server's echo of the request line) in an exception event, which the DiagnosticSource
    /// EventSource bridge forwards as well.
    /// </summary>
    private static readonly string[] DiagnosticsHandlerPlaces =
    {
        "activity stop System.Net.Http/System.Net.Http.HttpRequestOut event exception tag exception.message",
        "activity stop System.Net.Http/System.Net.Http.HttpRequestOut event exception tag exception.stacktrace",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.Exception Exception",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.Exception Exception ToString",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.Exception Exception depth 0 System.Net.Http.HttpRequestException Message",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.Exception Exception depth 0 System.Net.Http.HttpRequestException ToString",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.Exception Request",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.Exception Request RequestUri",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.Exception payload",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.HttpRequestOut.Start Request",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.HttpRequestOut.Start Request RequestUri",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.HttpRequestOut.Start payload",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.HttpRequestOut.Stop Request",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.HttpRequestOut.Stop Request RequestUri",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.HttpRequestOut.Stop Response",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.HttpRequestOut.Stop Response Headers",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.HttpRequestOut.Stop Response RequestMessage",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.HttpRequestOut.Stop payload",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.Request Request",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.Request Request RequestUri",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.Request payload",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.Response Response",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.Response Response Headers",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.Response Response RequestMessage",
        "diagnostic HttpHandlerDiagnosticListener/System.Net.Http.Response payload",
        "eventsource Microsoft-Diagnostics-DiagnosticSource/ActivityStop Arguments", // the same span's exception event, through the DiagnosticSource bridge
    };

    private readonly ITestOutputHelper _output;

    public KeyLeakTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("DI")]
    [InlineData("custom")] // new InngestClient(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }), ...): the documented custom-HttpClient gap
    [InlineData("DI-proxy")] // AddInngest().ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler()): how a proxy is set
    public async Task The_key_appears_in_no_output_under_the_whole_fault_matrix(string kind)
    {
        using var capture = new OutputCapture();
        await using var server = await FaultServer.StartAsync();
        server.LateAnswerDelay = TimeSpan.FromMilliseconds(600);
        var logs = new FakeLogCollector();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        var builder = services.AddInngest(o =>
        {
            o.EventKey = Key;
            o.BaseUrl = server.BaseUrl.ToString();
            o.EnvironmentReader = _ => null;
            o.MaxAttempts = 2;
            o.InitialRetryDelay = TimeSpan.FromMilliseconds(1);
            o.MaxRetryJitter = TimeSpan.Zero;
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(5);
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxEventsPerRequest = 2;
        });
        if (kind == "DI-proxy")
        {
            builder.ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler());
        }

        await using var provider = services.BuildServiceProvider();
        var options = new InngestClientOptions
        {
            EventKey = Key,
            BaseUrl = server.BaseUrl.ToString(),
            EnvironmentReader = _ => null,
            MaxAttempts = 2,
            InitialRetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryJitter = TimeSpan.Zero,
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
            AttemptTimeout = TimeSpan.FromMilliseconds(300),
            MaxEventsPerRequest = 2,
            Listener = new CapturingListener(capture, "listener"),
        };
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var own = kind == "custom" ? new InngestClient(http, options) : new InngestClient(options);
        if (kind == "custom")
        {
            InngestHttpTelemetry.RedactEventUrls(own.EventApiBaseUrl); // what docs/observability.md asks of a custom HttpClient (url.full)
        }

        var client = kind.StartsWith("DI", StringComparison.Ordinal) ? provider.GetRequiredService<IInngestClient>() : own;
        capture.Add("client ToString", client.ToString());

        foreach (var fault in Enum.GetValues<Fault>())
        {
            server.Policy = _ => fault;
            await SendAsync(capture, fault.ToString(), client, CancellationToken.None);
        }

        // Cancellation during a request, and an already-cancelled token.
        server.Policy = _ => Fault.AnswerAfterTimeout;
        using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100)))
        {
            await SendAsync(capture, "canceled", client, cts.Token);
        }

        // The key is no secret if the scan cannot find it: every request carried it in its path.
        Assert.All(server.Requests, r => Assert.Contains(Core, r.RawTarget));

        await SendAsync(capture, "pre-canceled", client, new CancellationToken(canceled: true));

        // A base URL with a host name, so name resolution (and its EventSource) takes part too.
        options.BaseUrl = $"http://localhost:{server.BaseUrl.Port}/";
        using (var byName = new InngestClient(options))
        {
            server.Policy = _ => Fault.None;
            await SendAsync(capture, "by-name", byName, CancellationToken.None);
        }

        foreach (var record in logs.GetSnapshot())
        {
            var where = $"log {record.Category} {record.Level} {record.Id.Name}";
            capture.Add(where + " message", record.Message);
            capture.AddException(where + " exception", record.Exception);
            foreach (var pair in record.StructuredState ?? Array.Empty<KeyValuePair<string, string?>>())
            {
                capture.Add($"{where} state {pair.Key}", pair.Value);
            }

            foreach (var scope in record.Scopes)
            {
                capture.Add(where + " scope", scope?.ToString());
            }
        }

        var places = capture.PlacesOf(Core);
        foreach (var (where, example) in places.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            _output.WriteLine($"{where}: {example}");
        }

        _output.WriteLine(string.Join(", ", capture.Counts.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));

        // Every channel was really listened to: a listener that hears nothing proves nothing.
        var counts = capture.Counts;
        foreach (var channel in new[] { "activity", "metric", "eventsource System.Net.Http", "eventsource System.Net.Sockets", "eventsource System.Net.NameResolution", "eventsource Private.InternalDiagnostics.System.Net.Http", "eventsource Microsoft-Diagnostics-DiagnosticSource", "diagnostic Microsoft.AspNetCore" })
        {
            Assert.True(counts.GetValueOrDefault(channel) > 0, $"nothing heard on {channel}");
        }

        // The library's own handlers (plain and DI) run no DiagnosticsHandler; a handler the application supplies does.
        var diagnosticsHandler = kind is "custom" or "DI-proxy";
        Assert.Equal(diagnosticsHandler, counts.GetValueOrDefault("diagnostic HttpHandlerDiagnosticListener") > 0);

        if (kind.StartsWith("DI", StringComparison.Ordinal))
        {
            Assert.Contains(logs.GetSnapshot(), r => r.Level == LogLevel.Warning); // retries were logged
            Assert.Contains(logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Exception is not null); // failures were logged with their exception
        }

        var expected = PlatformPlaces
            .Concat(kind == "custom" ? HttpClientPlaces : Array.Empty<string>())
            .Concat(diagnosticsHandler ? DiagnosticsHandlerPlaces : Array.Empty<string>())
            .ToArray();
        var unexpected = places.Keys.Except(expected).OrderBy(p => p, StringComparer.Ordinal).ToArray();
        Assert.True(unexpected.Length == 0, "the key leaked into: " + string.Join(" || ", unexpected.Select(p => $"{p}: {places[p]}")));

        // What the platform publishes, exactly: this fails when .NET (or the client) adds or removes a place.
        Assert.Equal(expected.OrderBy(p => p, StringComparer.Ordinal), places.Keys.OrderBy(p => p, StringComparer.Ordinal));
    }

    private static async Task SendAsync(OutputCapture capture, string label, IInngestClient client, CancellationToken cancellationToken)
    {
        var events = new[]
        {
            InngestEvent.FromJson("app/a", "{\"k\":\"" + label + "-0\"}"),
            InngestEvent.FromJson("app/b", "{\"k\":\"" + label + "-1\"}"),
            InngestEvent.FromJson("app/c", "{\"k\":\"" + label + "-2\"}"),
        };
        try
        {
            var result = await client.SendAsync(events, null, cancellationToken);
            capture.Add(label + " result", result.ToString());
        }
        catch (Exception ex)
        {
            capture.AddException(label + " exception", ex);
        }
    }

    /// <summary>Puts every listener call's text into the capture.</summary>
    private sealed class CapturingListener : InngestSendListener
    {
        private readonly OutputCapture _capture;
        private readonly string _where;

        public CapturingListener(OutputCapture capture, string where)
        {
            _capture = capture;
            _where = where;
        }

        public override void SendStarting(IReadOnlyList<InngestEvent> events, int requests) => _capture.Add(_where + " starting", requests.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public override void Retrying(IReadOnlyList<InngestEvent> events, int failedAttempt, int? statusCode, string? reason, TimeSpan delay)
            => _capture.Add(_where + " retrying reason", reason);

        public override void SendSucceeded(IReadOnlyList<InngestEvent> events, int attempts, TimeSpan elapsed) => _capture.Add(_where + " succeeded", attempts.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public override void SendFailed(IReadOnlyList<InngestEvent> events, Exception exception, TimeSpan elapsed) => _capture.AddException(_where + " failed", exception);
    }
}
