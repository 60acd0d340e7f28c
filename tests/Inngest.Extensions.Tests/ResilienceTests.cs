using System;
using System.Linq;
using System.Threading.Tasks;
using Inngest.Testing.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Inngest.Extensions.Tests;

/// <summary>
/// Microsoft.Extensions.Http.Resilience in place of the built-in retries: its retry handler re-sends the same
/// HttpRequestMessage, so the id seed header and the body bytes stay the same and Inngest de-duplicates.
/// </summary>
public sealed class ResilienceTests : IAsyncLifetime
{
    private CaptureServer _server = null!;

    public async Task InitializeAsync() => _server = await CaptureServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static void FastRetries(HttpStandardResilienceOptions o)
    {
        o.Retry.Delay = TimeSpan.FromMilliseconds(1);
        o.Retry.UseJitter = false;
        o.Retry.MaxRetryAttempts = 3;
    }

    [Fact]
    public async Task A_resilience_handler_retry_resends_the_same_seed_and_body()
    {
        using var host = await Hosts.StartAsync(
            Hosts.Config(_server, ("Inngest:BuiltInRetries", "false")),
            http: b => b.AddStandardResilienceHandler(FastRetries));
        _server.Enqueue(ScriptedResponse.Json(503, """{"error":"busy"}"""), ScriptedResponse.Empty(502));

        var result = await host.Services.GetRequiredService<IInngestClient>().SendAsync(new InngestEvent[] { Events.Account(user: Events.Taylor), Events.Invoice() });

        var requests = _server.Requests;
        Assert.Equal(3, requests.Count);
        var seed = requests[0].Header("x-inngest-event-id-seed");
        Assert.NotNull(seed);
        Assert.All(requests, r => Assert.Equal(seed, r.Header("x-inngest-event-id-seed")));
        Assert.All(requests, r => Assert.Equal(requests[0].Body, r.Body));
        Assert.Equal(new[] { CaptureServer.IdFor(seed, 0), CaptureServer.IdFor(seed, 1) }, result.Ids);
    }

    [Fact]
    public async Task With_BuiltInRetries_off_the_client_makes_one_attempt_per_request()
    {
        using var host = await Hosts.StartAsync(
            Hosts.Config(_server, ("Inngest:BuiltInRetries", "false"), ("Inngest:MaxAttempts", "5")),
            http: b => b.AddStandardResilienceHandler(FastRetries));
        _server.Responder = _ => ScriptedResponse.Json(503, """{"error":"busy"}""");

        var failure = await Assert.ThrowsAsync<InngestSendException>(() => host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account()));

        // 1 client attempt x (1 + 3 handler retries); with BuiltInRetries on it would be 5 x 4 = 20.
        Assert.Equal(1, failure.Attempts);
        Assert.Equal(4, _server.Requests.Count);
        Assert.Single(_server.Requests.Select(r => r.Header("x-inngest-event-id-seed")).Distinct());
    }

    [Fact]
    public async Task Leaving_both_on_multiplies_the_attempts()
    {
        using var host = await Hosts.StartAsync(
            Hosts.Config(_server, ("Inngest:MaxAttempts", "2")),
            http: b => b.AddStandardResilienceHandler(FastRetries));
        _server.Responder = _ => ScriptedResponse.Json(503, """{"error":"busy"}""");

        var failure = await Assert.ThrowsAsync<InngestSendException>(() => host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account()));

        Assert.Equal(2, failure.Attempts);
        Assert.Equal(8, _server.Requests.Count);
    }

    [Fact]
    public async Task A_pipeline_timeout_becomes_an_InngestSendException_for_unacknowledged_events()
    {
        using var host = await Hosts.StartAsync(
            Hosts.Config(_server, ("Inngest:BuiltInRetries", "false")),
            http: b => b.AddStandardResilienceHandler(o =>
            {
                FastRetries(o);
                o.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(100);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromMilliseconds(250);
            }));
        _server.Responder = _ => new ScriptedResponse(200) { Acknowledge = true, Delay = TimeSpan.FromSeconds(3) };

        var failure = await Assert.ThrowsAsync<InngestSendException>(() => host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account()));

        Assert.Null(failure.StatusCode);
        Assert.Equal(new[] { 0 }, failure.Outcome.UnacknowledgedEventIndexes);
        Assert.Equal("TimeoutRejectedException", failure.InnerException?.GetType().Name);
    }
}
