using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Extensions.DependencyInjection;
using Inngest.Testing.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Inngest.Extensions.Tests;

public sealed class LoggingTests : IAsyncLifetime
{
    private CaptureServer _server = null!;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await CaptureServer.StartAsync();
        _host = await Hosts.StartAsync(Hosts.Config(_server, ("Inngest:MaxAttempts", "2")), services: s => s.AddLogging(b => b.AddFakeLogging()));
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _server.DisposeAsync();
    }

    private IInngestClient Inngest => _host.Services.GetRequiredService<IInngestClient>();

    private IReadOnlyList<FakeLogRecord> Logs => _host.Services.GetFakeLogCollector().GetSnapshot();

    private IReadOnlyList<FakeLogRecord> InngestLogs => Logs.Where(r => r.Category == typeof(InngestClient).FullName).ToArray();

    [Fact]
    public async Task A_retried_send_logs_start_retry_and_success_with_structured_values()
    {
        _server.Enqueue(ScriptedResponse.Json(503, """{"error":"busy"}"""));

        await Inngest.SendAsync(new InngestEvent[] { Events.Account(user: Events.Taylor), Events.Invoice(), Events.Account() });

        var logs = InngestLogs;
        Assert.Equal(new[] { "InngestSending", "InngestRetrying", "InngestSent" }, logs.Select(r => r.Id.Name));
        Assert.Equal(new[] { LogLevel.Debug, LogLevel.Warning, LogLevel.Information }, logs.Select(r => r.Level));

        var sending = logs[0];
        Assert.Equal("Sending 3 Inngest event(s) [app/account.created, billing/invoice.paid] in 1 request(s)", sending.Message);

        var retry = logs[1];
        Assert.Equal("1", retry.GetStructuredStateValue("Attempt"));
        Assert.Equal("503", retry.GetStructuredStateValue("StatusCode"));
        Assert.Equal("busy", retry.GetStructuredStateValue("Reason"));
        Assert.NotNull(retry.GetStructuredStateValue("DelayMs"));

        var sent = logs[2];
        Assert.Equal("3", sent.GetStructuredStateValue("EventCount"));
        Assert.Equal("2", sent.GetStructuredStateValue("Attempts"));
        Assert.Equal("app/account.created, billing/invoice.paid", sent.GetStructuredStateValue("EventNames"));
    }

    [Fact]
    public async Task A_failed_send_logs_an_error_with_attempts_status_and_the_exception()
    {
        _server.Responder = _ => ScriptedResponse.Json(401, """{"error":"Event key not found"}""");

        var thrown = await Assert.ThrowsAsync<InngestSendException>(() => Inngest.SendAsync(Events.Account()));

        var failed = InngestLogs.Single(r => r.Id.Name == "InngestSendFailed");
        Assert.Equal(LogLevel.Error, failed.Level);
        Assert.Same(thrown, failed.Exception);
        Assert.Equal("401", failed.GetStructuredStateValue("StatusCode"));
        Assert.Equal("1", failed.GetStructuredStateValue("Attempts"));
        Assert.Equal("0", failed.GetStructuredStateValue("AcceptedCount"));
    }

    [Fact]
    public async Task Invalid_events_and_cancellation_are_logged_too()
    {
        await Assert.ThrowsAsync<InngestEventValidationException>(() => Inngest.SendAsync(InngestEvent.FromJson("inngest/bad", "{}")));
        var rejected = InngestLogs.Single(r => r.Id.Name == "InngestSendRejected");
        Assert.Equal(LogLevel.Error, rejected.Level);
        Assert.IsType<InngestEventValidationException>(rejected.Exception);

        using var cts = new CancellationTokenSource();
        _server.Enqueue(new ScriptedResponse(200) { Acknowledge = true, Delay = TimeSpan.FromSeconds(5) });
        var send = Inngest.SendAsync(Events.Account(), cancellationToken: cts.Token);
        await WaitUntil(() => _server.Requests.Count == 1);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        var canceled = InngestLogs.Single(r => r.Id.Name == "InngestSendCanceled");
        Assert.Equal(LogLevel.Information, canceled.Level);
    }

    [Fact]
    public async Task No_log_entry_of_any_category_holds_the_key_the_data_or_the_user()
    {
        _server.Enqueue(ScriptedResponse.Json(500, """{"error":"boom"}"""));
        await Inngest.SendAsync(Events.Account(plan: "plan-secret-77", user: Events.Taylor));
        _server.Responder = _ => ScriptedResponse.Empty(404);
        await Assert.ThrowsAsync<InngestSendException>(() => Inngest.SendAsync(Events.Account(plan: "plan-secret-77")));

        var logs = Logs;
        Assert.NotEmpty(logs);
        foreach (var record in logs)
        {
            var text = record.Message + " " + string.Join(" ", record.StructuredState?.Select(p => p.Value) ?? Array.Empty<string>()) + " " + record.Exception;
            Assert.DoesNotContain(Events.Key, text);
            Assert.DoesNotContain("plan-secret-77", text);
            Assert.DoesNotContain("taylor@example.com", text);
        }

        // IHttpClientFactory's own request logging (which writes the URL, key included) is removed.
        Assert.DoesNotContain(logs, r => r.Category?.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void The_listener_works_without_dependency_injection()
    {
        var collector = new FakeLogCollector();
        var logger = new FakeLogger<InngestClient>(collector);
        var listener = new InngestLoggingListener(logger);
        var events = new InngestEvent[] { Events.Account(), Events.Account(), Events.Invoice() };

        listener.SendStarting(events, 2);
        listener.SendSucceeded(events, 3, TimeSpan.FromMilliseconds(42));

        Assert.Equal(
            new[] { "Sending 3 Inngest event(s) [app/account.created, billing/invoice.paid] in 2 request(s)", "Sent 3 Inngest event(s) [app/account.created, billing/invoice.paid] in 3 attempt(s), 42 ms" },
            collector.GetSnapshot().Select(r => r.Message));
    }

    [Fact]
    public async Task A_listener_set_in_the_options_runs_next_to_the_logging_one()
    {
        var steps = new List<string>();
        using var host = await Hosts.StartAsync(Hosts.Config(_server), configure: o => o.Listener = new StepListener(steps), services: s => s.AddLogging(b => b.AddFakeLogging()));

        await host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account());

        Assert.Equal(new[] { "starting", "succeeded" }, steps);
        Assert.Contains(host.Services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Name == "InngestSent");
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(5);
        }

        Assert.True(condition());
    }

    private sealed class StepListener : InngestSendListener
    {
        private readonly List<string> _steps;

        public StepListener(List<string> steps)
        {
            _steps = steps;
        }

        public override void SendStarting(IReadOnlyList<InngestEvent> events, int requests) => _steps.Add("starting");

        public override void SendSucceeded(IReadOnlyList<InngestEvent> events, int attempts, TimeSpan elapsed) => _steps.Add("succeeded");
    }
}
