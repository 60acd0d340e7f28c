using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Runtime.Tests;

/// <summary>Requests are split by body size (MaxRequestBytes) as well as by count, in order, one seed each: checked on the wire.</summary>
public sealed class ByteBatchingTests : IAsyncLifetime
{
    private CaptureServer _server = null!;

    public async Task InitializeAsync() => _server = await CaptureServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Events whose sizes vary (about 200 to 1,400 bytes), each tagged with its index.</summary>
    private static InngestEvent[] Sized(int count)
        => Enumerable.Range(0, count)
            .Select(i => InngestEvent.FromJson("app/sized", JsonSerializer.Serialize(new Dictionary<string, object> { ["i"] = i, ["pad"] = new string('x', 150 + (i * 337 % 1200)) })))
            .ToArray();

    private InngestClient Client(int maxRequestBytes, int maxEventsPerRequest = InngestClientOptions.DefaultMaxEventsPerRequest)
    {
        var options = Wire.Options(_server);
        options.MaxRequestBytes = maxRequestBytes;
        options.MaxEventsPerRequest = maxEventsPerRequest;
        return new InngestClient(options);
    }

    private static int[] Indexes(CapturedRequest request) => request.BodyJson.EnumerateArray().Select(e => e.GetProperty("data").GetProperty("i").GetInt32()).ToArray();

    /// <summary>The bytes an event takes in a body, measured from the wire: its JSON object as sent.</summary>
    private static int EventBytes(CapturedRequest request, int position)
    {
        using var document = JsonDocument.Parse(request.Body);
        return System.Text.Encoding.UTF8.GetByteCount(document.RootElement[position].GetRawText());
    }

    [Theory]
    [InlineData(4096, 5000)]
    [InlineData(2000, 5000)]
    [InlineData(8192, 3)]
    public async Task A_call_is_split_by_size_and_count_in_order_with_a_seed_each_and_as_full_as_the_limits_allow(int maxRequestBytes, int maxEvents)
    {
        var events = Sized(40);
        using var client = Client(maxRequestBytes, maxEvents);

        var result = await client.SendAsync(events);

        var requests = _server.Requests;
        Assert.True(requests.Count > 1);
        Assert.All(requests, r => Assert.InRange(r.Body.Length, 1, maxRequestBytes));
        Assert.All(requests, r => Assert.InRange(r.EventCount, 1, maxEvents));

        // In order, nothing missing or repeated, and the ids are those of each request's seed in input order.
        Assert.Equal(Enumerable.Range(0, events.Length), requests.SelectMany(Indexes));
        Assert.Equal(requests.Count, requests.Select(r => r.Header("x-inngest-event-id-seed")).Distinct().Count());
        Assert.Equal(requests.SelectMany(r => Enumerable.Range(0, r.EventCount).Select(i => CaptureServer.IdFor(r.Header("x-inngest-event-id-seed"), i))), result.Ids);

        // Greedy: every request but the last was closed because the next event did not fit by count or by size.
        for (var n = 0; n < requests.Count - 1; n++)
        {
            var next = EventBytes(requests[n + 1], 0);
            Assert.True(requests[n].EventCount == maxEvents || requests[n].Body.Length + 1 + next > maxRequestBytes, $"request {n} had room for the next event");
        }
    }

    [Fact]
    public async Task Below_the_limit_one_request_carries_everything_byte_for_byte_as_before()
    {
        var events = Sized(10);
        using var client = Client(InngestClientOptions.DefaultMaxRequestBytes);

        await client.SendAsync(events);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(Enumerable.Range(0, 10), Indexes(request));
        Assert.Equal((byte)'[', request.Body[0]);
        Assert.Equal((byte)']', request.Body[^1]);
        Assert.Equal(request.Body.Length, JsonDocument.Parse(request.Body).RootElement.GetRawText().Length); // compact, nothing around the array
    }

    [Fact]
    public async Task An_event_that_exactly_fills_a_request_goes_alone()
    {
        using var probe = Client(InngestClientOptions.DefaultMaxRequestBytes);
        var events = Sized(3);
        await probe.SendAsync(events);
        var size = EventBytes(_server.Requests[0], 1);
        _server.Clear();

        using var client = Client(size + 2);
        var oneAtATime = new[] { events[1], events[1], events[1] };
        await client.SendAsync(oneAtATime);

        Assert.Equal(3, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Equal(size + 2, r.Body.Length));
    }

    [Fact]
    public async Task An_event_that_cannot_fit_any_request_fails_validation_before_anything_is_sent()
    {
        var events = Sized(5);
        using var client = Client(700);

        var invalid = await Assert.ThrowsAsync<InngestEventValidationException>(() => client.SendAsync(events));

        Assert.Contains("MaxRequestBytes", invalid.Message);
        Assert.True(invalid.EventIndex > 0); // event 0 (about 200 bytes) fits; a later one does not
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_failure_in_a_later_size_split_request_keeps_the_ids_of_the_earlier_ones()
    {
        var events = Sized(12);
        _server.Responder = r => _server.Requests.Count == 2 ? ScriptedResponse.Json(400, """{"error":"bad"}""") : ScriptedResponse.Ok();
        using var client = Client(3000);

        var failure = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(events));

        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(Enumerable.Range(0, requests[0].EventCount).Select(i => CaptureServer.IdFor(requests[0].Header("x-inngest-event-id-seed"), i)), failure.AcceptedIds);
        Assert.Equal(Indexes(requests[1]), failure.Outcome.UnacknowledgedEventIndexes);
        Assert.Equal(Enumerable.Range(requests[0].EventCount + requests[1].EventCount, 12 - requests[0].EventCount - requests[1].EventCount), failure.Outcome.NotSentEventIndexes);
    }

    [Fact]
    public void The_default_is_the_3_MiB_Inngest_documents_and_a_tiny_limit_is_refused()
    {
        Assert.Equal(3 * 1024 * 1024, new InngestClientOptions().MaxRequestBytes);

        var options = Wire.Options(_server);
        options.MaxRequestBytes = 100;
        var ex = Assert.Throws<InngestConfigurationException>(() => new InngestClient(options));
        Assert.Contains("MaxRequestBytes", ex.Message);
    }
}
