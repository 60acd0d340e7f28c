using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Inngest.Generators.Tests.Corpus;
using Inngest.Testing.Server;

namespace Inngest.Generators.Tests.EndToEnd;

/// <summary>Typed sends through the generated extensions, observed on a real local HTTP server.</summary>
public sealed class EndToEndTests
{
    private static InngestClient Client(CaptureServer server, IJsonTypeInfoResolver? resolver = null)
        => new(new InngestClientOptions
        {
            EventKey = "test-key",
            BaseUrl = server.BaseUrl.ToString(),
            EnvironmentReader = _ => null,
            JsonTypeInfoResolver = resolver,
        });

    [Fact]
    public async Task Generated_send_method_puts_name_version_camel_case_data_and_user_on_the_wire()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = Client(server);
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

        var result = await client.SendAccountCreatedAsync(
            new AccountCreated("645e9f6794e10937e9bdc201", "pro"),
            user: new InngestUser { ExternalId = "645ea000129f1c40109ca7ad", Email = "taylor@example.com" },
            id: "acct-1",
            timestamp: at);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/e/test-key", request.Path);
        var e = Assert.Single(request.BodyJson.EnumerateArray());
        Assert.Equal("test/account.created", e.GetProperty("name").GetString());
        Assert.Equal("2024-05-15.1", e.GetProperty("v").GetString());
        Assert.Equal("{\"accountId\":\"645e9f6794e10937e9bdc201\",\"billingPlan\":\"pro\"}", e.GetProperty("data").GetRawText());
        Assert.Equal("645ea000129f1c40109ca7ad", e.GetProperty("user").GetProperty("external_id").GetString());
        Assert.Equal("taylor@example.com", e.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal("acct-1", e.GetProperty("id").GetString());
        Assert.Equal(at.ToUnixTimeMilliseconds(), e.GetProperty("ts").GetInt64());
        Assert.Equal(CaptureServer.IdFor(request.Header("x-inngest-event-id-seed"), 0), Assert.Single(result.Ids));
    }

    [Fact]
    public async Task A_reference_cycle_fails_validation_before_anything_is_sent()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = Client(server);
        var node = new TreeNode { Label = "loop" };
        node.Children.Add(node);

        // The client's writer allows 1,000 levels; the fast path stops at the options' MaxDepth (64).
        var error = await Assert.ThrowsAsync<InngestEventValidationException>(() => client.SendAsync(new Recursive(node)));
        Assert.IsType<JsonException>(error.InnerException);
        Assert.Contains("maximum allowed depth of 64", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);

        // A fast-path list of nested records is sent as reflection would write it.
        var items = new FastCollections(
            new() { new LineItem("s", 1, 2.5m, new() { "t" }, null) }, new() { ["g"] = new() { "x" } }, new Dictionary<string, LineItem>(),
            Array.Empty<GeoPoint?>(), Array.Empty<Address>(), Array.Empty<DateTimeOffset>(), new(), System.Collections.Immutable.ImmutableArray<LineItem>.Empty, new(), new(), 7, null);
        await client.SendAsync(items);
        Assert.Equal(JsonSerializer.Serialize(items, Parity.ParityAssert.Reflection), Assert.Single(server.Requests).BodyJson[0].GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task Event_without_version_sends_no_v_and_nested_types_keep_their_method_name()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = Client(server);

        await client.SendPlainClassAsync(new PlainClassEvent { Title = "t", Pages = 3 });
        await client.SendNestedTypeThingAsync(new Outer.InnerEvent("inner"));

        var first = server.Requests[0].BodyJson[0];
        Assert.Equal("test/class.sent", first.GetProperty("name").GetString());
        Assert.False(first.TryGetProperty("v", out _));
        Assert.Equal("{\"title\":\"t\",\"pages\":3}", first.GetProperty("data").GetRawText());
        var second = server.Requests[1].BodyJson[0];
        Assert.Equal("test/nested.type", second.GetProperty("name").GetString());
        Assert.Equal("{\"value\":\"inner\"}", second.GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task Batch_overload_sends_one_event_per_payload_in_order()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = Client(server);

        var result = await client.SendRecordStructAsync(new[] { new RecordStructEvent(1, "a"), new RecordStructEvent(2, "b"), new RecordStructEvent(3, "c") });

        var body = Assert.Single(server.Requests).BodyJson;
        Assert.Equal(3, body.GetArrayLength());
        Assert.Equal(new[] { 1, 2, 3 }, body.EnumerateArray().Select(e => e.GetProperty("data").GetProperty("count").GetInt32()));
        Assert.All(body.EnumerateArray(), e => Assert.Equal("test/record.struct", e.GetProperty("name").GetString()));
        Assert.Equal(3, result.Ids.Count);
    }

    [Fact]
    public async Task Mixed_batch_through_ToEvent_keeps_each_events_name_and_version()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = Client(server);

        await client.SendAsync(new InngestEvent[]
        {
            new AccountCreated("a1", "free").ToEvent(id: "first"),
            new Nested(new Customer { Name = "n" }, Array.Empty<Address>(), new Money(2.5m, "EUR"), null).ToEvent(),
            new InternalEvent("internal").ToEvent(user: new InngestUser { ExternalId = "u1" }),
        });

        var events = Assert.Single(server.Requests).BodyJson.EnumerateArray().ToArray();
        Assert.Equal(new[] { "test/account.created", "test/nested.sent", "test/internal.sent" }, events.Select(e => e.GetProperty("name").GetString()));
        Assert.Equal("2024-05-15.1", events[0].GetProperty("v").GetString());
        Assert.Equal("first", events[0].GetProperty("id").GetString());
        Assert.False(events[1].TryGetProperty("v", out _));
        Assert.Equal(
            "{\"customer\":{\"name\":\"n\",\"home\":null,\"location\":{\"lat\":0,\"lng\":0},\"payments\":[]},\"history\":[],\"balance\":{\"amount\":2.5,\"currency\":\"EUR\"},\"lastSeen\":null}",
            events[1].GetProperty("data").GetRawText());
        Assert.Equal("u1", events[2].GetProperty("user").GetProperty("external_id").GetString());
    }

    [Fact]
    public async Task Object_member_resolves_through_the_user_resolver()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = Client(server, UserContext.Default);

        await client.SendWithUnknownAsync(new WithUnknown("n", new UserThing { Kind = "k", Size = 2 }, new List<object> { 1, "two", new UserThing { Kind = "x" } }));

        var data = Assert.Single(server.Requests).BodyJson[0].GetProperty("data");
        Assert.Equal("{\"name\":\"n\",\"anything\":{\"kind\":\"k\",\"size\":2},\"items\":[1,\"two\",{\"kind\":\"x\",\"size\":0}]}", data.GetRawText());
    }

    [Fact]
    public async Task Object_member_without_a_user_resolver_fails_before_sending_and_says_what_is_missing()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = Client(server);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.SendWithUnknownAsync(new WithUnknown("n", new UserThing(), new List<object>())));

        Assert.Contains("UserThing", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Object_member_with_a_combined_resolver_writes_like_reflection()
    {
        var options = new JsonSerializerOptions(ParityTypes.Info<WithUnknown>().Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ParityTypes.Info<WithUnknown>().Options.TypeInfoResolver, UserContext.Default),
        };
        var value = new WithUnknown("n", new UserThing { Kind = "k" }, new List<object> { 3, new UserThing() });
        var generated = JsonSerializer.Serialize(value, (JsonTypeInfo<WithUnknown>)options.GetTypeInfo(typeof(WithUnknown)));
        Assert.Equal(JsonSerializer.Serialize(value, Parity.ParityAssert.Reflection), generated);
        Assert.False(Parity.ParityAssert.UsesFastPath(ParityTypes.Info<WithUnknown>()));
    }
}

public sealed class UserThing
{
    public string Kind { get; set; } = string.Empty;

    public int Size { get; set; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(UserThing))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
internal sealed partial class UserContext : JsonSerializerContext
{
}

internal static class ParityTypes
{
    public static JsonTypeInfo<T> Info<T>()
        where T : IInngestEventData<T>
        => T.JsonTypeInfo;
}
