using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Inngest.Reliability.Tests;

/// <summary>
/// Bad events are rejected before any request, with the event's index and the fix in the message.
/// The bad event sits at index 3 of 5, in the second request of a chunked send, so "before any
/// request" means before the first chunk too.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private const int BadIndex = 3;
    private FaultServer _server = null!;

    public async Task InitializeAsync() => _server = await FaultServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private InngestClient Client(int maxEventBytes = InngestClientOptions.DefaultMaxEventBytes)
    {
        var options = RandomizedFaultTests.FastOptions(_server, maxEventsPerRequest: 2);
        options.MaxEventBytes = maxEventBytes;
        options.AttemptTimeout = TimeSpan.FromSeconds(30); // exactly one request, even on a loaded machine
        return new InngestClient(options);
    }

    private static InngestEvent Good(int i) => InngestEvent.FromJson("app/order.placed", $"{{\"k\":\"good-{i}\"}}");

    private async Task<InngestEventValidationException> AssertRejectedAsync(InngestEvent? bad, int maxEventBytes = InngestClientOptions.DefaultMaxEventBytes, params string[] fix)
    {
        using var client = Client(maxEventBytes);
        var events = Enumerable.Range(0, 5).Select(i => i == BadIndex ? bad! : Good(i)).ToList();
        var error = await Assert.ThrowsAsync<InngestEventValidationException>(() => client.SendAsync(events));
        Assert.Equal(BadIndex, error.EventIndex);
        Assert.Contains($"Event {BadIndex}", error.Message);
        foreach (var part in fix)
        {
            Assert.Contains(part, error.Message);
        }

        Assert.Empty(_server.Requests);
        return error;
    }

    private async Task AssertAcceptedAsync(InngestEvent good, int maxEventBytes = InngestClientOptions.DefaultMaxEventBytes)
    {
        using var client = Client(maxEventBytes);
        var result = await client.SendAsync(good);
        Assert.Single(result.Ids);
    }

    [Fact]
    public Task A_null_event_is_rejected() => AssertRejectedAsync(null, fix: "is null");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n")]
    public Task Empty_names_are_rejected(string? name)
        => AssertRejectedAsync(InngestEvent.FromJson(name!, "{}"), fix: new[] { "event name is empty", "such as \"app/account.created\"" });

    [Theory]
    [InlineData("inngest/function.finished")]
    [InlineData("INNGEST/x")]
    [InlineData("Inngest/x")]
    [InlineData("iNnGeSt/")]
    public Task Reserved_prefixes_are_rejected_in_any_case(string name)
        => AssertRejectedAsync(InngestEvent.FromJson(name, "{}"), fix: new[] { "reserves", "Use a prefix of your own" });

    [Fact]
    public async Task A_257_character_name_is_rejected_and_256_is_accepted()
    {
        await AssertRejectedAsync(InngestEvent.FromJson("app/" + new string('a', 253), "{}"), fix: new[] { "257 characters", "at most 256", "Shorten it" });
        await AssertAcceptedAsync(InngestEvent.FromJson("app/" + new string('a', 252), "{\"k\":\"ok\"}"));
    }

    public static IEnumerable<object[]> LoneSurrogates()
    {
        yield return new object[] { "name, high", InngestEvent.FromJson("app/\uD800x", "{}") };
        yield return new object[] { "name, low", InngestEvent.FromJson("app/x\uDC00", "{}") };
        yield return new object[] { "typed string", new InngestEvent<Note>("app/note", new Note("k", "half an emoji \uD83D"), ReliabilityJson.Default.Note) };
        yield return new object[] { "typed dictionary key", new InngestEvent<OrderPlaced>("app/order", new OrderPlaced("k", 1, "c", 1m, 1, Array.Empty<OrderLine>(), new Dictionary<string, string> { ["\uDE00"] = "v" }, DateTimeOffset.UnixEpoch), ReliabilityJson.Default.OrderPlaced) };
        yield return new object[] { "escaped in JSON text", InngestEvent.FromJson("app/x", "{\"k\":\"\\ud800\"}") };
        yield return new object[] { "escaped property name in JSON text", InngestEvent.FromJson("app/x", "{\"\\udc00\":1}") };
        yield return new object[] { "user attribute", new InngestEvent<Note>("app/note", new Note("k", "fine"), ReliabilityJson.Default.Note) { User = new InngestUser { Attributes = new JsonObject { ["x"] = "\uD800" } } } };
        yield return new object[] { "user email", new InngestEvent<Note>("app/note", new Note("k", "fine"), ReliabilityJson.Default.Note) { User = new InngestUser { Email = "a\uDBFF@example.com" } } };
        yield return new object[] { "idempotency id", new InngestEvent<Note>("app/note", new Note("k", "fine"), ReliabilityJson.Default.Note) { Id = "id-\uD800" } };
    }

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public Task Lone_surrogates_are_rejected(string where, InngestEvent bad)
    {
        _ = where;
        return AssertRejectedAsync(bad, fix: "surrogate");
    }

    [Fact]
    public async Task Valid_surrogate_pairs_and_a_real_replacement_character_are_accepted()
    {
        await AssertAcceptedAsync(new InngestEvent<Note>("app/note", new Note("k", "rocket 🚀, replacement \uFFFD, escaped text \\uFFFD"), ReliabilityJson.Default.Note));
        Assert.Equal(new[] { "k" }, _server.Requests.Single().EventKeys);
    }

    public static IEnumerable<object[]> NonFiniteNumbers()
    {
        yield return new object[] { "NaN", new InngestEvent<Measurement>("app/m", new Measurement("k", double.NaN, 0), ReliabilityJson.Default.Measurement) };
        yield return new object[] { "+inf", new InngestEvent<Measurement>("app/m", new Measurement("k", double.PositiveInfinity, 0), ReliabilityJson.Default.Measurement) };
        yield return new object[] { "-inf", new InngestEvent<Measurement>("app/m", new Measurement("k", double.NegativeInfinity, 0), ReliabilityJson.Default.Measurement) };
        yield return new object[] { "float NaN", new InngestEvent<Measurement>("app/m", new Measurement("k", 0, float.NaN), ReliabilityJson.Default.Measurement) };
        yield return new object[] { "user attribute NaN", new InngestEvent<Note>("app/note", new Note("k", "fine"), ReliabilityJson.Default.Note) { User = new InngestUser { Attributes = new JsonObject { ["score"] = double.NaN } } } };
    }

    [Theory]
    [MemberData(nameof(NonFiniteNumbers))]
    public Task NaN_and_infinities_are_rejected(string what, InngestEvent bad)
    {
        _ = what;
        return AssertRejectedAsync(bad, fix: "NaN or infinite number");
    }

    [Theory]
    [InlineData(1_700_000_000L, "FromUnixTimeSeconds")] // seconds passed where milliseconds belong: 1970-01-20
    [InlineData(315_532_799_999L, "between 1980-01-01 and 2100-01-01")] // 1979-12-31T23:59:59.999Z
    [InlineData(4_102_444_800_001L, "between 1980-01-01 and 2100-01-01")] // 2100-01-01T00:00:00.001Z
    [InlineData(-1L, "between 1980-01-01 and 2100-01-01")]
    public Task Timestamps_outside_1980_to_2100_are_rejected(long unixMilliseconds, string fix)
        => AssertRejectedAsync(new InngestEvent<Note>("app/note", new Note("k", "x"), ReliabilityJson.Default.Note) { Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds) }, fix: fix);

    [Fact]
    public async Task Timestamps_at_the_bounds_are_accepted()
    {
        await AssertAcceptedAsync(new InngestEvent<Note>("app/note", new Note("lo", "x"), ReliabilityJson.Default.Note) { Timestamp = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        await AssertAcceptedAsync(new InngestEvent<Note>("app/note", new Note("hi", "x"), ReliabilityJson.Default.Note) { Timestamp = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero) });
    }

    [Fact]
    public async Task An_event_over_the_size_limit_is_rejected_with_its_size_and_the_limit()
    {
        var big = new InngestEvent<Note>("app/note", new Note("k", new string('x', 2000)), ReliabilityJson.Default.Note);
        await AssertRejectedAsync(big, maxEventBytes: 1024, fix: new[] { "the limit is 1,024 bytes", "InngestClientOptions.MaxEventBytes", "Send less data" });
        await AssertAcceptedAsync(new InngestEvent<Note>("app/note", new Note("k", new string('x', 900)), ReliabilityJson.Default.Note), maxEventBytes: 1024);
    }

    [Fact]
    public async Task The_size_limit_counts_the_whole_envelope_including_user_data()
    {
        var user = new InngestUser { Attributes = new JsonObject { ["blob"] = new string('u', 2000) } };
        await AssertRejectedAsync(new InngestEvent<Note>("app/note", new Note("k", "small"), ReliabilityJson.Default.Note) { User = user }, maxEventBytes: 1024, fix: "the limit is 1,024 bytes");
    }

    public static IEnumerable<object[]> NonObjectData()
    {
        yield return new object[] { "an array", InngestEvent.FromJson("app/x", "[1,2]") };
        yield return new object[] { "a string", InngestEvent.FromJson("app/x", "\"text\"") };
        yield return new object[] { "a number", InngestEvent.FromJson("app/x", "42") };
        yield return new object[] { "a boolean", InngestEvent.FromJson("app/x", "true") };
        yield return new object[] { "an array", new InngestEvent<int[]>("app/x", new[] { 1, 2 }, ReliabilityJson.Default.Int32Array) };
        yield return new object[] { "a string", new InngestEvent<string>("app/x", "text", ReliabilityJson.Default.String) };
        yield return new object[] { "a number", new InngestEvent<int>("app/x", 7, ReliabilityJson.Default.Int32) };
    }

    [Theory]
    [MemberData(nameof(NonObjectData))]
    public Task Data_that_is_not_an_object_is_rejected(string serializedTo, InngestEvent bad)
        => AssertRejectedAsync(bad, fix: new[] { $"data must be a JSON object, but it serialized to {serializedTo}", "Wrap the value in an object" });

    [Fact]
    public async Task Null_data_is_sent_as_an_empty_object()
    {
        await AssertAcceptedAsync(InngestEvent.FromJson("app/x", "null"));
        Assert.Equal(new[] { "#0" }, _server.Requests.Single().EventKeys); // an object without k
    }

    [Fact]
    public Task Typed_data_nested_deeper_than_the_writer_allows_is_rejected()
    {
        Deep? chain = null;
        for (var i = 0; i < 1100; i++) // Utf8JsonWriter stops at 1000; the Go server takes up to 10,000
        {
            chain = new Deep("k", chain);
        }

        return AssertRejectedAsync(new InngestEvent<Deep>("app/deep", chain!, ReliabilityJson.Default.Deep), fix: "nesting deeper");
    }

    [Fact]
    public Task Json_data_nested_deeper_than_the_writer_allows_is_rejected()
    {
        const int depth = 1100; // Utf8JsonWriter stops at 1000
        var json = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            json.Append("{\"a\":");
        }

        json.Append('1').Append('}', depth);
        using var document = JsonDocument.Parse(json.ToString(), new JsonDocumentOptions { MaxDepth = depth + 10 });
        return AssertRejectedAsync(InngestEvent.FromJson("app/deep", document.RootElement.Clone()), fix: "nesting deeper");
    }

    [Fact]
    public Task User_attributes_nested_deeper_than_the_writer_allows_are_rejected()
    {
        var root = new JsonObject();
        var node = root;
        for (var i = 0; i < 1100; i++)
        {
            var child = new JsonObject();
            node["a"] = child;
            node = child;
        }

        return AssertRejectedAsync(new InngestEvent<Note>("app/note", new Note("k", "x"), ReliabilityJson.Default.Note) { User = new InngestUser { Attributes = root } }, fix: "nesting deeper");
    }

    [Theory]
    [InlineData("external_id", "InngestUser.ExternalId")]
    [InlineData("email", "InngestUser.Email")]
    public Task User_attributes_that_shadow_the_user_properties_are_rejected(string key, string fix)
        => AssertRejectedAsync(new InngestEvent<Note>("app/note", new Note("k", "x"), ReliabilityJson.Default.Note) { User = new InngestUser { Attributes = new JsonObject { [key] = "v" } } }, fix: fix);
}
