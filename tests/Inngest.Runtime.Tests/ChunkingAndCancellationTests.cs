using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Runtime.Tests;

/// <summary>Calls larger than one request, and cancellation at every stage.</summary>
public sealed class ChunkingAndCancellationTests : IAsyncLifetime
{
    private CaptureServer _server = null!;

    public async Task InitializeAsync() => _server = await CaptureServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static List<InngestEvent> Numbered(int count)
        => Enumerable.Range(0, count).Select(i => Wire.Json($"app/n.{i}", $$"""{"i":{{i}}}""")).ToList();

    private InngestClient Client(int maxPerRequest, int maxAttempts = 5)
    {
        var options = Wire.Options(_server);
        options.MaxEventsPerRequest = maxPerRequest;
        options.MaxAttempts = maxAttempts;
        return new InngestClient(options);
    }

    private static IEnumerable<int> Indexes(CapturedRequest request)
        => request.BodyJson.EnumerateArray().Select(e => e.GetProperty("data").GetProperty("i").GetInt32());

    [Fact]
    public async Task More_than_5000_events_are_split_in_order_with_a_seed_each()
    {
        using var client = new InngestClient(Wire.Options(_server));
        var result = await client.SendAsync(Numbered(12_001));

        var requests = _server.Requests;
        Assert.Equal(new[] { 5000, 5000, 2001 }, requests.Select(r => r.EventCount));
        Assert.Equal(Enumerable.Range(0, 12_001), requests.SelectMany(Indexes));
        Assert.Equal(3, requests.Select(r => r.Header("x-inngest-event-id-seed")).Distinct().Count());
        var expected = requests.SelectMany(r => Enumerable.Range(0, r.EventCount).Select(i => CaptureServer.IdFor(r.Header("x-inngest-event-id-seed"), i)));
        Assert.Equal(expected, result.Ids);
    }

    [Fact]
    public async Task The_request_size_is_configurable()
    {
        using var client = Client(maxPerRequest: 2);
        var result = await client.SendAsync(Numbered(5));

        Assert.Equal(new[] { 2, 2, 1 }, _server.Requests.Select(r => r.EventCount));
        Assert.Equal(5, result.Ids.Count);
    }

    [Fact]
    public async Task A_bad_event_in_a_later_request_fails_the_call_before_anything_is_sent()
    {
        using var client = Client(maxPerRequest: 2);
        var events = Numbered(5);
        events[4] = Wire.Json("inngest/reserved", "{}");

        var ex = await Assert.ThrowsAsync<InngestEventValidationException>(() => client.SendAsync(events));

        Assert.Equal(4, ex.EventIndex);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_failing_later_request_reports_accepted_unacknowledged_and_unsent_events()
    {
        _server.Responder = r => Indexes(r).First() == 2 ? ScriptedResponse.Json(400, """{"error":"bad"}""") : null;
        using var client = Client(maxPerRequest: 2);

        var ex = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(Numbered(5)));

        Assert.Equal(2, _server.Requests.Count); // the third request is never sent
        var first = _server.Requests[0];
        Assert.Equal(new[] { CaptureServer.IdFor(first.Header("x-inngest-event-id-seed"), 0), CaptureServer.IdFor(first.Header("x-inngest-event-id-seed"), 1) }, ex.AcceptedIds);
        Assert.Equal(new[] { 2, 3 }, ex.Outcome.UnacknowledgedEventIndexes);
        Assert.Equal(new[] { 4 }, ex.Outcome.NotSentEventIndexes);
        Assert.Equal(5, ex.Outcome.TotalEvents);
        Assert.Contains("2 of 5 event(s) accepted; event(s) 2..3 not acknowledged; event(s) 4 not sent", ex.Message);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        using var client = Client(maxPerRequest: 5000);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(Numbered(1), cancellationToken: cts.Token));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Cancelling_during_backoff_stops_promptly_and_says_the_events_may_have_been_accepted()
    {
        _server.Responder = _ => ScriptedResponse.Empty(503);
        var clock = new RecordingClock();
        var options = Wire.Options(_server);
        options.TimeProvider = clock;
        options.InitialRetryDelay = TimeSpan.FromSeconds(10);
        using var client = new InngestClient(options);
        using var cts = new CancellationTokenSource();

        var send = client.SendAsync(Numbered(3), cancellationToken: cts.Token);
        await clock.WaitForDelayAsync(1, options.AttemptTimeout);
        cts.Cancel();

        var ex = await Assert.ThrowsAsync<InngestSendCanceledException>(() => send).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Single(_server.Requests);
        Assert.Empty(ex.Outcome.AcceptedIds);
        Assert.Equal(new[] { 0, 1, 2 }, ex.Outcome.UnacknowledgedEventIndexes);
        Assert.Contains("not acknowledged", ex.Message);
    }

    [Fact]
    public async Task Cancelling_during_a_request_of_a_later_chunk_keeps_the_earlier_ids()
    {
        _server.Responder = r => Indexes(r).First() == 1 ? ScriptedResponse.Ok() with { Delay = TimeSpan.FromSeconds(30) } : null;
        using var client = Client(maxPerRequest: 1);
        using var cts = new CancellationTokenSource();

        var send = client.SendAsync(Numbered(3), cancellationToken: cts.Token);
        await Wire.WaitForRequestsAsync(_server, 2);
        cts.Cancel();

        var ex = await Assert.ThrowsAsync<InngestSendCanceledException>(() => send).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Single(ex.Outcome.AcceptedIds);
        Assert.Equal(new[] { 1 }, ex.Outcome.UnacknowledgedEventIndexes);
        Assert.Equal(new[] { 2 }, ex.Outcome.NotSentEventIndexes);
        Assert.Equal(2, _server.Requests.Count);
    }
}
