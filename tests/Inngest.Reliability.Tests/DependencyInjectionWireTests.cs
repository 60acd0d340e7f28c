using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Inngest.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Inngest.Reliability.Tests;

/// <summary>
/// The client from <c>AddInngest()</c> behind the handler stacks people really configure: a
/// proxy-style primary handler (<see cref="HttpClientHandler"/>, which follows redirects by default)
/// and the .NET Aspire ServiceDefaults resilience handler, against the fault server.
/// </summary>
public sealed class DependencyInjectionWireTests
{
    private readonly ITestOutputHelper _output;

    public DependencyInjectionWireTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static void Configure(InngestOptions o, FaultServer server)
    {
        o.EventKey = RandomizedFaultTests.Key;
        o.BaseUrl = server.BaseUrl.ToString();
        o.EnvironmentReader = _ => null;
        o.MaxAttempts = 3;
        o.InitialRetryDelay = TimeSpan.FromMilliseconds(1);
        o.MaxRetryJitter = TimeSpan.FromMilliseconds(1);
        o.MaxRetryDelay = TimeSpan.FromMilliseconds(10);
        o.AttemptTimeout = TimeSpan.FromSeconds(2);
        o.MaxEventsPerRequest = 16;
    }

    [Theory]
    [InlineData(1)] // 307
    [InlineData(2)] // 308
    public async Task A_proxy_style_primary_handler_does_not_follow_a_redirect_to_a_port_that_would_accept(int attempt)
    {
        await using var server = await FaultServer.StartAsync();
        server.Policy = c => c.Attempt == attempt ? Fault.RedirectToOtherPort : Fault.Status503;
        var services = new ServiceCollection();
        services.AddInngest(o => Configure(o, server)).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler()); // how a proxy is set
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IInngestClient>();
        var call = Workload.Plan(attempt, "redirect" + attempt, 3, chunkedShare: 0)[0];

        var error = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(call.Events, new InngestSendOptions { Env = call.Env }));

        Assert.Empty(server.ElsewhereRequests);
        Assert.Equal(attempt == 1 ? 307 : 308, error.StatusCode);
        Assert.Equal(attempt, server.Requests.Count); // a redirect ends the send: not followed, not retried
        Assert.Empty(error.Outcome.AcceptedIds);
    }

    [Fact]
    public async Task Behind_the_standard_resilience_handler_every_fault_kind_still_gives_an_outcome_and_loses_nothing()
    {
        var seed = RunSettings.Seed + 2;
        await using var server = await FaultServer.StartAsync();
        server.Policy = new SeededFaultSchedule(seed, faultRate: 0.25, FaultCatalog.All).Decide;
        server.LateAnswerDelay = TimeSpan.FromMilliseconds(700);
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler(o =>
        {
            // Aspire's ServiceDefaults stack, with its delays shortened so the run takes seconds.
            o.Retry.Delay = TimeSpan.FromMilliseconds(1);
            o.Retry.MaxRetryAttempts = 2;
            o.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(400);
            o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(1.5);
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(1);
            o.CircuitBreaker.BreakDuration = TimeSpan.FromMilliseconds(500);
        }));
        services.AddInngest(o => Configure(o, server));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IInngestClient>();
        var calls = Workload.Plan(seed, $"res{seed}", RunSettings.Full ? 5_000 : 1_500, chunkedShare: 0.15);
        var ledger = new SendLedger();
        var queue = new ConcurrentQueue<PlannedCall>(calls);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var call))
            {
                await ledger.SendAsync(client, call);
            }
        })));

        var report = ledger.Verify(server);
        _output.WriteLine(report.ToString());
        Assert.True(report.Violations.Count == 0, report.ToString()); // an exception without an outcome is a violation
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.LogicalDuplicates);
        Assert.True(report.Requests > report.Calls, "the resilience handler and the client retried nothing");
    }
}
