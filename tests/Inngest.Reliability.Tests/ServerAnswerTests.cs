using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Inngest.Reliability.Tests;

/// <summary>
/// Each fault kind on its own, at each position of a chunked send, and the answers of the
/// open-source Inngest server read from its source (pkg/api/api.go): nothing acknowledged is
/// lost, nothing is stored twice, and what the server says reaches the caller bounded.
/// </summary>
public sealed class ServerAnswerTests
{
    private static int _calls;

    public static TheoryData<Fault, int> EveryFaultAtEveryRequest()
    {
        var data = new TheoryData<Fault, int>();
        foreach (var fault in FaultCatalog.All)
        {
            data.Add(fault, 0);
            data.Add(fault, 1);
        }

        return data;
    }

    private static PlannedCall Call(int events)
    {
        var index = Interlocked.Increment(ref _calls);
        var keys = Enumerable.Range(0, events).Select(i => $"sa{index}-{i}").ToArray();
        var list = keys.Select(k => InngestEvent.FromJson("app/order.placed", $"{{\"k\":\"{k}\"}}")).ToArray();
        return new PlannedCall(index, $"sa-call-{index}", events > 2, list, keys);
    }

    /// <summary>Short delays; a generous attempt timeout unless a test needs a short one (a cold first request on a busy machine can take a while).</summary>
    private static InngestClientOptions Options(FaultServer server, int maxEventsPerRequest = 2, int attemptTimeoutMs = 5_000)
    {
        var options = RandomizedFaultTests.FastOptions(server, maxEventsPerRequest);
        options.MaxAttempts = 3;
        options.AttemptTimeout = TimeSpan.FromMilliseconds(attemptTimeoutMs);
        return options;
    }

    [Theory]
    [MemberData(nameof(EveryFaultAtEveryRequest))]
    public async Task One_fault_anywhere_in_a_chunked_send_loses_nothing_and_stores_nothing_twice(Fault fault, int request)
    {
        await using var server = await FaultServer.StartAsync();
        server.LateAnswerDelay = TimeSpan.FromMilliseconds(700);
        server.Policy = c => c.Chunk == request && c.Attempt == 1 ? fault : Fault.None;
        using var client = new InngestClient(Options(server, attemptTimeoutMs: 400)); // below LateAnswerDelay: AnswerAfterTimeout and SlowBody time out
        var ledger = new SendLedger();

        await ledger.SendAsync(client, Call(5));

        var report = ledger.Verify(server);
        Assert.True(report.Violations.Count == 0, report.ToString());
        Assert.Equal(1, report.FaultCounts.GetValueOrDefault(fault));
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.LogicalDuplicates);
        Assert.Empty(server.ElsewhereRequests);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Event_0_failing_with_the_open_source_servers_empty_id_is_not_reported_accepted(int events)
    {
        // pkg/api/api.go answers ids[0:max+1] with max starting at 0: event 0 failing gives {"ids":[""]}.
        await using var server = await FaultServer.StartAsync();
        server.Script(Fault.InngestServerFirstEventFailed);
        using var client = new InngestClient(Options(server, maxEventsPerRequest: 10));
        var call = Call(events);

        var error = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(call.Events, new InngestSendOptions { Env = call.Env }));

        Assert.Empty(server.Stored);
        Assert.Empty(error.Outcome.AcceptedIds);
        Assert.Equal(Enumerable.Range(0, events), error.Outcome.UnacknowledgedEventIndexes);
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("event name is empty", error.Message);
        Assert.Contains($"0 of {events} event(s) accepted", error.Message);
    }

    [Fact]
    public async Task A_publish_error_on_event_0_of_a_later_request_keeps_only_the_real_accepted_prefix()
    {
        // The open-source server answers a failed publish (its queue is down: transient) with the same 400.
        await using var server = await FaultServer.StartAsync();
        server.Policy = c => c.Chunk == 1 ? Fault.InngestServerPublishError : Fault.None;
        using var client = new InngestClient(Options(server, maxEventsPerRequest: 1));
        var ledger = new SendLedger();
        var call = Call(3);

        await ledger.SendAsync(client, call);

        var report = ledger.Verify(server);
        Assert.True(report.Violations.Count == 0, report.ToString());
        var stored = server.Stored.Select(s => s.EventKey).Distinct().ToArray();
        Assert.Contains(call.Keys[0], stored);
        Assert.Equal(report.Acknowledged, stored.Intersect(call.Keys).Count()); // every acknowledged event is stored, and only those
    }

    [Fact]
    public async Task A_success_in_the_open_source_servers_exact_bytes_is_accepted()
    {
        // Go sniffs text/plain for the handler's JSON and json.Encoder adds a newline; neither is a failure.
        await using var server = await FaultServer.StartAsync();
        server.Script(Fault.SlowAnswer);
        using var client = new InngestClient(Options(server, maxEventsPerRequest: 10));
        var call = Call(3);

        var result = await client.SendAsync(call.Events, new InngestSendOptions { Env = call.Env });

        Assert.Equal(server.Stored.Select(s => s.Id), result.Ids);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_huge_error_body_with_line_breaks_gives_a_bounded_single_line_message()
    {
        await using var server = await FaultServer.StartAsync();
        server.Policy = _ => Fault.HugeErrorBody;
        var reasons = new List<string?>();
        var options = Options(server);
        options.MaxAttempts = 2;
        options.Listener = new RecordingListener(reasons);
        using var client = new InngestClient(options);
        var call = Call(1);

        var error = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(call.Events, new InngestSendOptions { Env = call.Env }));

        Assert.Equal(503, error.StatusCode);
        foreach (var text in new[] { error.Message, error.ServerError }.Concat(reasons))
        {
            Assert.NotNull(text);
            Assert.True(text!.Length <= 2048, $"{text.Length} characters of error text");
            Assert.DoesNotContain('\r', text);
            Assert.DoesNotContain('\n', text);
        }

        Assert.Contains("forged log entry", error.ServerError); // shortened, not dropped
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_redirect_to_a_server_that_would_accept_the_events_is_not_followed()
    {
        await using var server = await FaultServer.StartAsync();
        server.Policy = _ => Fault.RedirectToOtherPort;
        using var client = new InngestClient(Options(server));
        var call = Call(1);

        var error = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(call.Events, new InngestSendOptions { Env = call.Env }));

        Assert.Empty(server.ElsewhereRequests);
        Assert.Single(server.Requests);
        Assert.Equal(307, error.StatusCode);
        Assert.Empty(error.Outcome.AcceptedIds);
    }

    [Theory]
    [InlineData(Fault.RetryAfterDate)] // 503, Retry-After: <HTTP-date 2 s ahead>
    [InlineData(Fault.TooManyRequests)] // 429, Retry-After: 1
    public async Task Retry_After_in_both_forms_is_waited_for(Fault fault)
    {
        await using var server = await FaultServer.StartAsync();
        server.Script(fault);
        var options = Options(server);
        options.MaxRetryDelay = TimeSpan.FromSeconds(10);
        using var client = new InngestClient(options);
        var arrivals = new List<DateTimeOffset>();
        server.Arrived += _ => { lock (arrivals) { arrivals.Add(DateTimeOffset.UtcNow); } };
        var call = Call(1);

        await client.SendAsync(call.Events, new InngestSendOptions { Env = call.Env });

        Assert.Equal(2, arrivals.Count);
        Assert.True(arrivals[1] - arrivals[0] >= TimeSpan.FromSeconds(0.9), $"retried after {(arrivals[1] - arrivals[0]).TotalMilliseconds} ms, before Retry-After");
    }

    [Theory]
    [InlineData(1)] // Retry-After: 99999999999 (seconds)
    [InlineData(2)] // Retry-After: Fri, 31 Dec 9999 23:59:59 GMT
    public async Task Retry_After_out_of_range_with_a_large_MaxRetryDelay_still_gives_an_outcome(int form)
    {
        await using var server = await FaultServer.StartAsync();
        server.Policy = c => c.Attempt == form ? Fault.RetryAfterOutOfRange : form == 2 && c.Attempt == 1 ? Fault.Status503 : Fault.None;
        var options = Options(server);
        options.MaxRetryDelay = TimeSpan.FromDays(49); // the most the client takes, just under Task.Delay's 49.7-day maximum
        using var client = new InngestClient(options);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var call = Call(3);

        var error = await Record.ExceptionAsync(() => client.SendAsync(call.Events, new InngestSendOptions { Env = call.Env }, cts.Token));

        if (error is null)
        {
            // .NET does not parse a Retry-After it cannot represent; the client then backs off as usual and the retry succeeds.
            Assert.Equal(1, form);
            Assert.Equal(3, server.Stored.Select(s => s.EventKey).Distinct().Count());
            return;
        }

        var outcome = error switch
        {
            InngestSendException send => send.Outcome,
            InngestSendCanceledException canceled => canceled.Outcome,
            _ => null,
        };
        Assert.True(outcome is not null, $"no outcome: {error}");
        Assert.Equal(3, outcome!.AcceptedIds.Count + outcome.UnacknowledgedEventIndexes.Count + outcome.NotSentEventIndexes.Count);
    }

    private sealed class RecordingListener : InngestSendListener
    {
        private readonly List<string?> _reasons;

        public RecordingListener(List<string?> reasons)
        {
            _reasons = reasons;
        }

        public override void Retrying(IReadOnlyList<InngestEvent> events, int failedAttempt, int? statusCode, string? reason, TimeSpan delay) => _reasons.Add(reason);
    }
}
