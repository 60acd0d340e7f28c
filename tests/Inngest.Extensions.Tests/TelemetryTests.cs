using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Inngest.Extensions.DependencyInjection;
using Inngest.Testing.Server;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Inngest.Extensions.Tests;

/// <summary>Traces and metrics as OpenTelemetry exports them (in-memory exporter), and the W3C context on the wire.</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private const string HttpActivity = "System.Net.Http.HttpRequestOut";

    private CaptureServer _server = null!;

    public async Task InitializeAsync() => _server = await CaptureServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Copies each span's tags when it ends, so later changes to the Activity cannot hide what was exported.</summary>
    private sealed class SnapshotProcessor : BaseProcessor<Activity>
    {
        public List<(Activity Span, KeyValuePair<string, object?>[] Tags, string DisplayName)> Ended { get; } = new();

        public override void OnEnd(Activity data)
        {
            lock (Ended)
            {
                Ended.Add((data, data.TagObjects.ToArray(), data.DisplayName));
            }
        }
    }

    private static void AssertNoKey(SnapshotProcessor snapshots, string key)
    {
        foreach (var (span, tags, name) in snapshots.Ended)
        {
            Assert.DoesNotContain(key, name);
            foreach (var tag in tags)
            {
                Assert.DoesNotContain(key, tag.Value?.ToString() ?? string.Empty);
            }
        }
    }

    /// <summary>OpenTelemetry as an app sets it up: the client's source and the HttpClient instrumentation.</summary>
    private static TracerProvider TraceWithHttpInstrumentation(SnapshotProcessor snapshots, List<Activity> exported)
        => Sdk.CreateTracerProviderBuilder()
            .AddSource(InngestTelemetry.ActivitySourceName)
            .AddHttpClientInstrumentation()
            .AddProcessor(snapshots)
            .AddInMemoryExporter(exported)
            .Build();

    [Fact]
    public async Task Each_send_is_a_producer_span_whose_context_reaches_the_server_and_no_HTTP_span_publishes_the_URL()
    {
        var exported = new List<Activity>();
        var snapshots = new SnapshotProcessor();
        using var tracing = TraceWithHttpInstrumentation(snapshots, exported);
        using var host = await Hosts.StartAsync(Hosts.Config(_server));
        _server.Enqueue(ScriptedResponse.Json(503, """{"error":"busy"}"""));

        await host.Services.GetRequiredService<IInngestClient>().SendAsync(new InngestEvent[] { Events.Account(), Events.Invoice() });

        var send = Assert.Single(exported, a => a.Source.Name == InngestTelemetry.ActivitySourceName);
        Assert.Equal("inngest.send", send.OperationName);
        Assert.Equal(ActivityKind.Producer, send.Kind);
        Assert.Equal("inngest", send.GetTagItem("messaging.system"));
        Assert.Equal("send", send.GetTagItem("messaging.operation.name"));
        Assert.Equal(2, send.GetTagItem("messaging.batch.message_count"));
        Assert.Equal("app/account.created,billing/invoice.paid", send.GetTagItem("inngest.event.names"));
        Assert.Equal(2, send.GetTagItem("inngest.attempts"));
        Assert.Equal(1, send.GetTagItem("inngest.requests"));
        Assert.Equal("success", send.GetTagItem("inngest.outcome"));
        Assert.Equal(200, send.GetTagItem("http.response.status_code"));

        // The package's primary handler makes no HTTP span (nor the diagnostics events whose payloads hold the URL and
        // so the key); every attempt still carries the send span's W3C context.
        Assert.DoesNotContain(exported, a => a.OperationName == HttpActivity);
        Assert.All(_server.Requests, r => Assert.Equal($"00-{send.TraceId.ToHexString()}-{send.SpanId.ToHexString()}-01", r.Header("traceparent")));
        AssertNoKey(snapshots, Events.Key);
    }

    /// <summary>A primary handler of the application's own that makes .NET's HTTP spans (it opts into them).</summary>
    private static void WithHttpSpans(IHttpClientBuilder http)
        => http.ConfigurePrimaryHttpMessageHandler(() => new System.Net.Http.SocketsHttpHandler { AllowAutoRedirect = false, ActivityHeadersPropagator = DistributedContextPropagator.Current });

    [Fact]
    public async Task With_HTTP_spans_opted_into_each_is_a_child_of_the_send_span_with_the_key_redacted()
    {
        var exported = new List<Activity>();
        var snapshots = new SnapshotProcessor();
        using var tracing = TraceWithHttpInstrumentation(snapshots, exported);
        using var host = await Hosts.StartAsync(Hosts.Config(_server), http: WithHttpSpans);
        _server.Enqueue(ScriptedResponse.Json(503, """{"error":"busy"}"""));

        await host.Services.GetRequiredService<IInngestClient>().SendAsync(new InngestEvent[] { Events.Account(), Events.Invoice() });

        var send = Assert.Single(exported, a => a.Source.Name == InngestTelemetry.ActivitySourceName);
        var http = exported.Where(a => a.OperationName == HttpActivity).ToArray();
        Assert.Equal(2, http.Length);
        Assert.All(http, h => Assert.Equal(send.SpanId, h.ParentSpanId));
        Assert.Equal(new object?[] { 503, 200 }, http.Select(h => h.GetTagItem("http.response.status_code")));
        Assert.Equal(
            http.Select(h => $"00-{h.TraceId.ToHexString()}-{h.SpanId.ToHexString()}-01"),
            _server.Requests.Select(r => r.Header("traceparent")));
        Assert.All(http, h => Assert.Equal(_server.BaseUrl + "e/***", h.GetTagItem("url.full")));
        AssertNoKey(snapshots, Events.Key);
    }

    [Fact]
    public async Task The_context_reaches_the_server_without_any_HTTP_instrumentation()
    {
        var exported = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(InngestTelemetry.ActivitySourceName)
            .AddInMemoryExporter(exported)
            .Build();
        using var host = await Hosts.StartAsync(Hosts.Config(_server));

        await host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account());

        var send = Assert.Single(exported);
        var traceparent = Assert.Single(_server.Requests).Header("traceparent");
        Assert.NotNull(traceparent);
        Assert.StartsWith($"00-{send.TraceId.ToHexString()}-", traceparent);
    }

    [Fact]
    public async Task The_native_System_Net_Http_source_is_redacted_too()
    {
        var snapshots = new SnapshotProcessor();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(InngestTelemetry.ActivitySourceName, "System.Net.Http")
            .AddProcessor(snapshots)
            .Build();
        using var host = await Hosts.StartAsync(Hosts.Config(_server), http: WithHttpSpans);

        await host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account());

        var http = Assert.Single(snapshots.Ended, s => s.Span.OperationName == HttpActivity);
        Assert.Contains(http.Tags, t => t.Key == "url.full" && (string?)t.Value == _server.BaseUrl + "e/***");
        AssertNoKey(snapshots, Events.Key);
    }

    [Fact]
    public async Task Without_redaction_the_HTTP_span_records_the_key_in_url_full()
    {
        // A base URL of its own, so the process-wide redaction registered by other tests cannot match it.
        var baseUrl = new Uri(_server.BaseUrl, Guid.NewGuid().ToString("N") + "/");
        var snapshots = new SnapshotProcessor();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(InngestTelemetry.ActivitySourceName)
            .AddHttpClientInstrumentation()
            .AddProcessor(snapshots)
            .Build();
        using var host = await Hosts.StartAsync(Hosts.Config(_server, ("Inngest:BaseUrl", baseUrl.ToString()), ("Inngest:RedactEventKeyInHttpTelemetry", "false")), http: WithHttpSpans);

        await host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account());

        var http = Assert.Single(snapshots.Ended, s => s.Span.OperationName == HttpActivity);
        Assert.Contains(http.Tags, t => t.Key == "url.full" && (string?)t.Value == baseUrl + "e/" + Events.Key);
    }

    [Fact]
    public async Task Without_dependency_injection_the_enrich_callback_redacts()
    {
        var baseUrl = new Uri(_server.BaseUrl, Guid.NewGuid().ToString("N") + "/");
        var snapshots = new SnapshotProcessor();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(InngestTelemetry.ActivitySourceName)
            .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, _) => InngestHttpTelemetry.Redact(activity))
            .AddProcessor(snapshots)
            .Build();
        // An HttpClient of your own keeps .NET's HTTP span (the client's own HttpClient makes none).
        using var httpClient = new System.Net.Http.HttpClient();
        using var inngest = new InngestClient(httpClient, new InngestClientOptions { EventKey = Events.Key, BaseUrl = baseUrl.ToString(), EnvironmentReader = _ => null });

        await inngest.SendAsync(Events.Account());

        var http = Assert.Single(snapshots.Ended, s => s.Span.OperationName == HttpActivity);
        Assert.Contains(http.Tags, t => t.Key == "url.full" && (string?)t.Value == baseUrl + "e/***");
        AssertNoKey(snapshots, Events.Key);
    }

    [Theory]
    [InlineData("https://inn.gs/e/abc123", "https://inn.gs/e/***")]
    [InlineData("http://localhost:8288/prefix/e/abc%2F123?x=1", "http://localhost:8288/prefix/e/***?x=1")]
    [InlineData("/e/abc123", "/e/***")]
    [InlineData("https://inn.gs/e/***", null)]
    [InlineData("https://example.com/e/abc/more", null)]
    [InlineData("https://example.com/api/orders", null)]
    [InlineData("https://example.com/login?next=/e/abc", null)]
    [InlineData("https://inn.gs/e/", null)]
    [InlineData("https://inn.gs/e/k#frag", "https://inn.gs/e/***#frag")]
    public void Redact_rewrites_only_Event_API_URLs(string url, string? expected)
    {
        using var activity = new Activity("test");
        activity.SetTag("url.full", url);

        var changed = InngestHttpTelemetry.Redact(activity);

        Assert.Equal(expected is not null, changed);
        Assert.Equal(expected ?? url, activity.GetTagItem("url.full"));
    }

    [Fact]
    public async Task Metrics_count_sent_and_failed_events_retries_and_durations()
    {
        var metrics = new List<Metric>();
        using var meters = Sdk.CreateMeterProviderBuilder()
            .AddMeter(InngestTelemetry.MeterName)
            .AddInMemoryExporter(metrics)
            .Build();
        using var host = await Hosts.StartAsync(Hosts.Config(_server, ("Inngest:MaxAttempts", "2")));
        var inngest = host.Services.GetRequiredService<IInngestClient>();

        _server.Enqueue(ScriptedResponse.Json(503, """{"error":"busy"}"""));
        await inngest.SendAsync(new InngestEvent[] { Events.Account(), Events.Invoice(), Events.Invoice("inv-2") });
        _server.Enqueue(ScriptedResponse.Empty(500), ScriptedResponse.Empty(500));
        await Assert.ThrowsAsync<InngestSendException>(() => inngest.SendAsync(Events.Account()));
        await Assert.ThrowsAsync<InngestEventValidationException>(() => inngest.SendAsync(InngestEvent.FromJson("", "{}")));

        meters.ForceFlush();

        Assert.Equal(3, Sum(metrics, "inngest.events.sent"));
        Assert.Equal(2, Sum(metrics, "inngest.events.failed"));
        Assert.Equal(2, Sum(metrics, "inngest.send.retries"));
        var durations = Points(metrics, "inngest.send.duration");
        var byOutcome = durations.ToDictionary(p => Tag(p, "inngest.outcome") ?? "(none)", p => p.GetHistogramCount());
        Assert.Equal(1, byOutcome["success"]);
        Assert.Equal(1, byOutcome["failed"]);
        Assert.Equal(1, byOutcome["invalid"]);
        Assert.Equal("s", metrics.Single(m => m.Name == "inngest.send.duration").Unit);
    }

    [Fact]
    public async Task Dotnet_HTTP_client_metrics_carry_no_path_and_so_no_key()
    {
        var metrics = new List<Metric>();
        using var meters = Sdk.CreateMeterProviderBuilder()
            .AddMeter("System.Net.Http")
            .AddInMemoryExporter(metrics)
            .Build();
        using var host = await Hosts.StartAsync(Hosts.Config(_server, ("Inngest:RedactEventKeyInHttpTelemetry", "false")));

        await host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account());
        meters.ForceFlush();

        var duration = Points(metrics, "http.client.request.duration");
        Assert.NotEmpty(duration);
        foreach (var metric in metrics)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                {
                    Assert.DoesNotContain(Events.Key, tag.Value?.ToString() ?? string.Empty);
                }
            }
        }
    }

    private static List<MetricPoint> Points(List<Metric> metrics, string name)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                points.Add(point);
            }
        }

        return points;
    }

    private static long Sum(List<Metric> metrics, string name) => Points(metrics, name).Sum(p => p.GetSumLong());

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }
}
