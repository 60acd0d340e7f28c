using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Reliability.Tests;

/// <summary>Cancelling a send stops it promptly and says which events may have been accepted.</summary>
public sealed class CancellationTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(2);

    private static InngestClientOptions SlowRetryOptions(FaultServer server, int maxEventsPerRequest = InngestClientOptions.DefaultMaxEventsPerRequest) => new()
    {
        EventKey = RandomizedFaultTests.Key,
        BaseUrl = server.BaseUrl.ToString(),
        EnvironmentReader = _ => null,
        InitialRetryDelay = TimeSpan.FromSeconds(30),
        MaxRetryJitter = TimeSpan.Zero,
        MaxRetryDelay = TimeSpan.FromSeconds(60),
        AttemptTimeout = TimeSpan.FromSeconds(60),
        MaxEventsPerRequest = maxEventsPerRequest,
    };

    private static List<InngestEvent> Events(int count, string prefix)
        => Enumerable.Range(0, count).Select(i => InngestEvent.FromJson("app/order.placed", $"{{\"k\":\"{prefix}-{i}\"}}")).ToList();

    /// <summary>Cancels <paramref name="cts"/> <paramref name="after"/> the <paramref name="requestNumber"/>-th request arrives; returns when it did.</summary>
    private static Func<Stopwatch> CancelAfterArrival(FaultServer server, CancellationTokenSource cts, int requestNumber, TimeSpan after)
    {
        var arrivals = 0;
        var canceledAt = new Stopwatch();
        server.Arrived += context =>
        {
            if (Interlocked.Increment(ref arrivals) == requestNumber)
            {
                _ = Task.Run(async () =>
                {
                    await Task.Delay(after);
                    canceledAt.Start();
                    cts.Cancel();
                });
            }
        };
        return () => canceledAt;
    }

    [Theory]
    [InlineData(Fault.Status503)]
    [InlineData(Fault.TooManyRequests)]
    [InlineData(Fault.AcceptThenDrop)]
    public async Task Cancelling_during_the_backoff_stops_promptly_and_reports_the_request_as_unacknowledged(Fault fault)
    {
        await using var server = await FaultServer.StartAsync();
        server.Policy = _ => fault;
        server.RetryAfter = "30";
        using var client = new InngestClient(SlowRetryOptions(server));
        using var cts = new CancellationTokenSource();
        var sinceCancel = CancelAfterArrival(server, cts, 1, TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<InngestSendCanceledException>(() => client.SendAsync(Events(3, "b" + fault), cancellationToken: cts.Token));

        Assert.True(sinceCancel().Elapsed < Prompt, $"took {sinceCancel().Elapsed} after the cancel");
        Assert.Single(server.Requests); // canceled in the 30 s backoff, before the second attempt
        Assert.Equal(cts.Token, error.CancellationToken);
        Assert.Empty(error.Outcome.AcceptedIds);
        Assert.Equal(new[] { 0, 1, 2 }, error.Outcome.UnacknowledgedEventIndexes);
        Assert.Empty(error.Outcome.NotSentEventIndexes);
        Assert.Contains("0 of 3 event(s) accepted; event(s) 0..2 not acknowledged", error.Message);
    }

    [Fact]
    public async Task Cancelling_during_a_request_stops_promptly_and_says_the_events_may_have_been_accepted()
    {
        await using var server = await FaultServer.StartAsync();
        server.Policy = _ => Fault.AnswerAfterTimeout; // stores the events, then holds the answer
        server.LateAnswerDelay = TimeSpan.FromSeconds(30);
        using var client = new InngestClient(SlowRetryOptions(server));
        using var cts = new CancellationTokenSource();
        var sinceCancel = CancelAfterArrival(server, cts, 1, TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<InngestSendCanceledException>(() => client.SendAsync(Events(2, "during"), cancellationToken: cts.Token));

        Assert.True(sinceCancel().Elapsed < Prompt, $"took {sinceCancel().Elapsed} after the cancel");
        Assert.Single(server.Requests);
        Assert.Equal(2, server.Stored.Count); // the server did store them: "not acknowledged" must not be read as "not stored"
        Assert.Empty(error.Outcome.AcceptedIds);
        Assert.Equal(new[] { 0, 1 }, error.Outcome.UnacknowledgedEventIndexes);
        Assert.Contains("event(s) 0..1 not acknowledged", error.Message);
    }

    [Fact]
    public async Task Cancelling_a_chunked_send_reports_the_accepted_prefix_the_request_in_flight_and_the_unsent_rest()
    {
        await using var server = await FaultServer.StartAsync();
        server.Script(Fault.None, Fault.AnswerAfterTimeout);
        server.LateAnswerDelay = TimeSpan.FromSeconds(30);
        using var client = new InngestClient(SlowRetryOptions(server, maxEventsPerRequest: 2));
        using var cts = new CancellationTokenSource();
        var sinceCancel = CancelAfterArrival(server, cts, 2, TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<InngestSendCanceledException>(() => client.SendAsync(Events(5, "chunk"), cancellationToken: cts.Token));

        Assert.True(sinceCancel().Elapsed < Prompt, $"took {sinceCancel().Elapsed} after the cancel");
        var requests = server.Requests.OrderBy(r => r.Sequence).ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal(new[] { CaptureServer.IdFor(requests[0].Seed, 0), CaptureServer.IdFor(requests[0].Seed, 1) }, error.Outcome.AcceptedIds);
        Assert.Equal(new[] { 2, 3 }, error.Outcome.UnacknowledgedEventIndexes);
        Assert.Equal(new[] { 4 }, error.Outcome.NotSentEventIndexes);
        Assert.DoesNotContain(requests, r => r.EventKeys!.Contains("chunk-4"));
        Assert.Contains("2 of 5 event(s) accepted; event(s) 2..3 not acknowledged; event(s) 4 not sent", error.Message);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        await using var server = await FaultServer.StartAsync();
        using var client = new InngestClient(SlowRetryOptions(server));
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(Events(2, "pre"), cancellationToken: cts.Token));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_per_attempt_timeout_is_not_mistaken_for_a_cancellation()
    {
        await using var server = await FaultServer.StartAsync();
        server.Script(Fault.AnswerAfterTimeout);
        server.LateAnswerDelay = TimeSpan.FromSeconds(10);
        var options = RandomizedFaultTests.FastOptions(server);
        options.AttemptTimeout = TimeSpan.FromSeconds(1);
        using var client = new InngestClient(options);

        var result = await client.SendAsync(Events(2, "timeout"));

        var requests = server.Requests.OrderBy(r => r.Sequence).ToArray();
        Assert.True(requests.Length >= 2);
        Assert.Equal(Fault.AnswerAfterTimeout, requests[0].Fault);
        Assert.All(requests, r => Assert.Equal(requests[0].Seed, r.Seed));
        Assert.All(requests, r => Assert.Equal(requests[0].BodyHash, r.BodyHash));
        Assert.Equal(new[] { CaptureServer.IdFor(requests[0].Seed, 0), CaptureServer.IdFor(requests[0].Seed, 1) }, result.Ids);
    }
}
