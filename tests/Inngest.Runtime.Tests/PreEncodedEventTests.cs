using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Runtime.Tests;

/// <summary>An event type with a pre-encoded name and version, as the generator writes every [InngestEvent] type.</summary>
public sealed record PreEncodedOrder(string OrderId, int Quantity, string? Note, List<string> Tags) : IInngestEventData<PreEncodedOrder>
{
    public static string EventName => "shop/order.placed";

    public static string? EventVersion => "2024-05-15.1";

    public static JsonTypeInfo<PreEncodedOrder> JsonTypeInfo => PreEncodedJson.Default.PreEncodedOrder;

    public static InngestEventEncoding? EventEncoding { get; } = InngestEventEncoding.Create(EventName, EventVersion);
}

/// <summary>A hand-written implementation without an encoding, whose name the server refuses.</summary>
public sealed record ReservedName(string Value) : IInngestEventData<ReservedName>
{
    public static string EventName => "inngest/function.finished";

    public static string? EventVersion => null;

    public static JsonTypeInfo<ReservedName> JsonTypeInfo => PreEncodedJson.Default.ReservedName;
}

/// <summary>A hand-written implementation whose encoding is for another name than the one it sends.</summary>
public sealed record MismatchedEncoding(string Value) : IInngestEventData<MismatchedEncoding>
{
    public static string EventName => "app/the.real.name";

    public static string? EventVersion => null;

    public static JsonTypeInfo<MismatchedEncoding> JsonTypeInfo => PreEncodedJson.Default.MismatchedEncoding;

    public static InngestEventEncoding? EventEncoding { get; } = InngestEventEncoding.Create("app/another.name", "v9");
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PreEncodedOrder))]
[JsonSerializable(typeof(ReservedName))]
[JsonSerializable(typeof(MismatchedEncoding))]
public sealed partial class PreEncodedJson : JsonSerializerContext
{
}

/// <summary>
/// Events of types with a pre-encoded name and version (every generated type) take the writer's fast path: no name
/// check per event, the type's fast path called directly, no structural validation by the writer, one flush per body.
/// What goes on the wire must be exactly what the checked path writes for the same event.
/// </summary>
public sealed class PreEncodedEventTests : IAsyncLifetime
{
    private static readonly DateTimeOffset When = new(2026, 5, 15, 9, 30, 0, TimeSpan.Zero);
    private CaptureServer _server = null!;

    public async Task InitializeAsync() => _server = await CaptureServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static PreEncodedOrder Order(int i) => new(
        "ord_" + i,
        i % 5,
        i % 3 == 0 ? null : "Grüße, \"quoted\" & <tagged> \u2028 line " + i + " \U0001F600",
        Enumerable.Range(0, i % 4).Select(t => "tag-" + t).ToList());

    private static InngestEvent PreEncoded(int i) => InngestEvent.Create(
        Order(i),
        user: i % 2 == 0 ? new InngestUser { ExternalId = "u" + i, Email = "taylor@example.com" } : null,
        id: i % 3 == 0 ? "idem-" + i : null,
        timestamp: When.AddSeconds(i));

    /// <summary>The same event through the checked path: no encoding, so the name is checked and the writer validates.</summary>
    private static InngestEvent Checked(int i) => new InngestEvent<PreEncodedOrder>(PreEncodedOrder.EventName, Order(i), PreEncodedJson.Default.PreEncodedOrder)
    {
        Version = PreEncodedOrder.EventVersion,
        User = i % 2 == 0 ? new InngestUser { ExternalId = "u" + i, Email = "taylor@example.com" } : null,
        Id = i % 3 == 0 ? "idem-" + i : null,
        Timestamp = When.AddSeconds(i),
    };

    private InngestClient Client(int maxRequestBytes = InngestClientOptions.DefaultMaxRequestBytes, JsonSerializerContext? resolver = null)
    {
        var options = Wire.Options(_server);
        options.MaxRequestBytes = maxRequestBytes;
        options.JsonTypeInfoResolver = resolver;
        return new InngestClient(options);
    }

    [Fact]
    public void Events_of_a_type_with_an_encoding_take_the_fast_path_and_others_do_not()
    {
        Assert.True(EnvelopeWriter.IsTrusted(new[] { PreEncoded(1), PreEncoded(2) }, JsonMetadataResolver.Default));
        Assert.False(EnvelopeWriter.IsTrusted(new[] { PreEncoded(1), Checked(2) }, JsonMetadataResolver.Default));
        Assert.False(EnvelopeWriter.IsTrusted(new[] { PreEncoded(1), InngestEvent.FromJson("app/x", "{}") }, JsonMetadataResolver.Default));
        Assert.False(EnvelopeWriter.IsTrusted(new[] { PreEncoded(1) }, new JsonMetadataResolver(TestJson.Default)));
    }

    [Fact]
    public void The_fast_path_is_called_directly_only_for_metadata_of_a_context_bound_to_its_own_options_without_converters()
    {
        // A source-generated context's own metadata: System.Text.Json runs its fast path too.
        Assert.True(InngestEvent<PreEncodedOrder>.IsOwnContextsFastPath(PreEncodedJson.Default.PreEncodedOrder));
        Assert.NotNull(PreEncodedJson.Default.PreEncodedOrder.SerializeHandler);

        // A converter on the options (System.Text.Json would not use the fast path) or reflection metadata: not direct.
        var withConverter = new PreEncodedJson(new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } });
        Assert.False(InngestEvent<PreEncodedOrder>.IsOwnContextsFastPath(withConverter.PreEncodedOrder));
        var reflection = (JsonTypeInfo<PreEncodedOrder>)new DefaultJsonTypeInfoResolver().GetTypeInfo(typeof(PreEncodedOrder), new JsonSerializerOptions())!;
        Assert.False(InngestEvent<PreEncodedOrder>.IsOwnContextsFastPath(reflection));
    }

    [Theory]
    [InlineData(InngestClientOptions.DefaultMaxRequestBytes)]
    [InlineData(1200)] // a few events per request: events that do not fit move to the next body as bytes
    public async Task The_fast_path_sends_byte_for_byte_what_the_checked_path_sends(int maxRequestBytes)
    {
        using var client = Client(maxRequestBytes);
        await client.SendAsync(Enumerable.Range(0, 40).Select(PreEncoded).ToArray());
        var fast = _server.Requests.Select(r => r.Body).ToArray();
        _server.Clear();

        await client.SendAsync(Enumerable.Range(0, 40).Select(Checked).ToArray());
        var checkedBodies = _server.Requests.Select(r => r.Body).ToArray();

        Assert.Equal(maxRequestBytes == 1200, fast.Length > 1);
        Assert.Equal(checkedBodies.Length, fast.Length);
        for (var r = 0; r < fast.Length; r++)
        {
            Assert.Equal(System.Text.Encoding.UTF8.GetString(checkedBodies[r]), System.Text.Encoding.UTF8.GetString(fast[r]));
            Assert.InRange(fast[r].Length, 1, maxRequestBytes);
        }
    }

    [Fact]
    public async Task The_data_is_what_System_Text_Json_writes_and_the_envelope_carries_the_pre_encoded_name_and_version()
    {
        using var client = Client();
        await client.SendAsync(new[] { PreEncoded(4), PreEncoded(5) });

        var events = _server.Requests.Single().BodyJson.EnumerateArray().ToArray();
        for (var k = 0; k < 2; k++)
        {
            Assert.Equal("shop/order.placed", events[k].GetProperty("name").GetString());
            Assert.Equal("2024-05-15.1", events[k].GetProperty("v").GetString());
            Assert.Equal(When.AddSeconds(4 + k).ToUnixTimeMilliseconds(), events[k].GetProperty("ts").GetInt64());

            // Oracle: System.Text.Json's own serializer with the same metadata (and the writer's relaxed escaping).
            var expected = JsonSerializer.Serialize(Order(4 + k), new JsonSerializerOptions(PreEncodedJson.Default.Options) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            Assert.Equal(expected, events[k].GetProperty("data").GetRawText());
        }
    }

    [Fact]
    public async Task A_mixed_batch_is_written_with_the_checked_writer_and_keeps_every_event_in_order()
    {
        using var client = Client(maxRequestBytes: 900);
        var batch = Enumerable.Range(0, 30).Select(i => i % 3 == 0 ? InngestEvent.FromJson("app/raw", $"{{\"i\":{i}}}") : PreEncoded(i)).ToArray();

        var result = await client.SendAsync(batch);

        Assert.Equal(30, result.Ids.Count);
        var sent = _server.Requests.SelectMany(r => r.BodyJson.EnumerateArray().Select(e => e.GetProperty("name").GetString())).ToArray();
        Assert.Equal(batch.Select(e => e.Name), sent);
        Assert.True(_server.Requests.Count > 1);
    }

    [Fact]
    public async Task With_a_resolver_configured_the_data_still_goes_through_that_resolver()
    {
        using var client = Client(resolver: PreEncodedJson.Default);
        await client.SendAsync(new[] { PreEncoded(7) });

        var data = _server.Requests.Single().BodyJson[0].GetProperty("data");
        Assert.Equal("ord_7", data.GetProperty("orderId").GetString());
    }

    [Fact]
    public async Task A_hand_written_type_without_an_encoding_still_has_its_name_checked_before_anything_is_sent()
    {
        using var client = Client();

        var error = await Assert.ThrowsAsync<InngestEventValidationException>(() => client.SendAsync(new[] { InngestEvent.Create(new ReservedName("x")) }));

        Assert.Contains("inngest/", error.Message);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task An_encoding_made_for_another_name_is_never_sent()
    {
        using var client = Client();
        await client.SendAsync(new[] { InngestEvent.Create(new MismatchedEncoding("x")) });

        var sent = _server.Requests.Single().BodyJson[0];
        Assert.Equal("app/the.real.name", sent.GetProperty("name").GetString());
        Assert.False(sent.TryGetProperty("v", out _));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("inngest/function.finished", "reserves")]
    [InlineData("INNGEST/x", "reserves")]
    public void Creating_an_encoding_checks_the_name_once(string name, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => InngestEventEncoding.Create(name, null));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Creating_an_encoding_refuses_a_name_that_is_too_long_or_broken()
    {
        Assert.Contains("256", Assert.Throws<ArgumentException>(() => InngestEventEncoding.Create(new string('a', 257), null)).Message);
        Assert.Throws<ArgumentException>(() => InngestEventEncoding.Create("app/broken\uD800", null));
        Assert.Equal("InngestEventEncoding { Name = app/ok }", InngestEventEncoding.Create("app/ok", "1").ToString());
    }

    [Fact]
    public void A_body_written_while_another_is_being_written_on_the_same_thread_gets_its_own_writer()
    {
        // A converter that itself writes a body (as a getter that sends would): the thread's cached writer is in use.
        var inner = new PooledBufferWriter();
        var outer = new PooledBufferWriter();
        try
        {
            var nested = new InngestEvent<int>("app/outer", 1, NestingConverterInfo(() =>
                EnvelopeWriter.WriteBody(inner, new[] { PreEncoded(1) }, 0, 1, 0, int.MaxValue, JsonMetadataResolver.Default)));
            EnvelopeWriter.WriteBody(outer, new InngestEvent[] { PreEncoded(2), nested }, 0, 2, 0, int.MaxValue, JsonMetadataResolver.Default);

            using var innerJson = JsonDocument.Parse(inner.WrittenMemory);
            using var outerJson = JsonDocument.Parse(outer.WrittenMemory);
            Assert.Equal("ord_1", innerJson.RootElement[0].GetProperty("data").GetProperty("orderId").GetString());
            Assert.Equal("ord_2", outerJson.RootElement[0].GetProperty("data").GetProperty("orderId").GetString());
            Assert.Equal(1, outerJson.RootElement[1].GetProperty("data").GetProperty("n").GetInt32());
        }
        finally
        {
            inner.Dispose();
            outer.Dispose();
        }
    }

    private static JsonTypeInfo<int> NestingConverterInfo(Action during)
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolverStandIn() };
        return JsonMetadataServices.CreateValueInfo<int>(options, new NestingConverter(during));
    }

    private sealed class NestingConverter(Action during) : JsonConverter<int>
    {
        public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options)
        {
            during();
            writer.WriteStartObject();
            writer.WriteNumber("n", value);
            writer.WriteEndObject();
        }
    }

    /// <summary>Resolves nothing: the value info above carries its own converter.</summary>
    private sealed class DefaultJsonTypeInfoResolverStandIn : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) => null;
    }
}
