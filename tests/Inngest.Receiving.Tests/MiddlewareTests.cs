using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Inngest.Receiving.Tests;

/// <summary>Receive middleware (the hook decryption will use) and the JSON resolver option.</summary>
public sealed class MiddlewareTests
{
    /// <summary>Replaces a wrapped field with the value inside it, as a decrypting hook would.</summary>
    private sealed class Unwrap : InngestReceiveMiddleware
    {
        public InngestReceiveMiddlewareContext? Seen { get; private set; }

        public override JsonElement TransformData(JsonElement data, InngestReceiveMiddlewareContext context)
        {
            Seen = context;
            var node = JsonNode.Parse(data.GetRawText())!.AsObject();
            if (node["wrapped"] is JsonObject wrapped)
            {
                node.Remove("wrapped");
                foreach (var pair in wrapped.DeepClone().AsObject())
                {
                    node[pair.Key] = pair.Value?.DeepClone();
                }
            }

            return JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
        }
    }

    private sealed class Rename : InngestReceiveMiddleware
    {
        public override JsonElement TransformData(JsonElement data, InngestReceiveMiddlewareContext context)
            => JsonDocument.Parse(data.GetRawText().Replace("\"n\":", "\"count\":", StringComparison.Ordinal)).RootElement.Clone();
    }

    private sealed class Throws : InngestReceiveMiddleware
    {
        public override JsonElement TransformData(JsonElement data, InngestReceiveMiddlewareContext context) => throw new InvalidOperationException("no key");
    }

    private sealed class ReturnsArray : InngestReceiveMiddleware
    {
        public override JsonElement TransformData(JsonElement data, InngestReceiveMiddlewareContext context) => JsonDocument.Parse("[]").RootElement.Clone();
    }

    [Fact]
    public void Hooks_run_in_order_before_the_data_is_deserialized()
    {
        var unwrap = new Unwrap();
        var options = new InngestParseOptions { ReceiveMiddleware = { unwrap, new Rename() } };
        var evt = InngestEvent.Parse<SeatAdded>("""{"name":"app/seat.added","data":{"accountId":"a","wrapped":{"n":4}},"id":"e1"}""", options);
        Assert.Equal(new SeatAdded("a", 4), evt.Data);
        Assert.Equal("app/seat.added", unwrap.Seen!.EventName);
        Assert.Equal("e1", unwrap.Seen.Id);
        Assert.Null(unwrap.Seen.Version);
        Assert.Equal(0, unwrap.Seen.EventIndex);
    }

    [Fact]
    public void Hooks_also_run_for_untyped_events_batches_and_upgrades()
    {
        var options = new InngestParseOptions { ReceiveMiddleware = { new Unwrap() } };
        var raw = Assert.IsType<JsonInngestEvent>(InngestEvent.Parse("""{"name":"x/unknown","data":{"wrapped":{"secret":1}}}""", options));
        Assert.Equal("""{"secret":1}""", raw.Data.GetRawText());

        var batch = InngestEvent.ParseBatch("""[{"name":"app/seat.added","data":{"wrapped":{"accountId":"a","count":1}}},{"name":"app/seat.added","data":{"wrapped":{"accountId":"b","count":2}}}]""", options);
        Assert.Equal(2, Assert.IsType<InngestEvent<SeatAdded>>(batch[1]).Data.Count);

        var upgraded = InngestEvent.Parse<AccountCreated>("""{"name":"app/account.created","data":{"wrapped":{"accountId":"a"}}}""", options);
        Assert.Equal(new AccountCreated("a", "free", 1), upgraded.Data);
    }

    [Fact]
    public void A_failing_hook_or_one_that_returns_no_object_fails_the_parse()
    {
        var ex = Assert.Throws<InngestEventParseException>(() => InngestEvent.Parse<SeatAdded>("""{"name":"app/seat.added","data":{}}""", new InngestParseOptions { ReceiveMiddleware = { new Throws() } }));
        Assert.Equal(InngestEventParseError.ReceiveMiddlewareFailed, ex.Error);
        Assert.Contains("Throws", ex.Message);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.False(InngestEvent.TryParse<SeatAdded>("""{"name":"app/seat.added","data":{}}""", new InngestParseOptions { ReceiveMiddleware = { new ReturnsArray() } }, out _, out var error));
        Assert.Equal(InngestEventParseError.ReceiveMiddlewareFailed, error.Error);
    }

    [Fact]
    public void A_null_hook_is_a_configuration_error()
    {
        var options = new InngestParseOptions();
        options.ReceiveMiddleware.Add(null!);
        Assert.Throws<InngestConfigurationException>(() => InngestEvent.Parse<SeatAdded>("""{"name":"app/seat.added","data":{}}""", options));
    }

    [Fact]
    public void The_resolver_option_supplies_metadata_for_members_the_generator_cannot_describe_as_sending_does()
    {
        const string json = """{"name":"app/grid.drawn","data":{"id":"g","grid":[[1,2],[3,4]]}}""";
        var evt = InngestEvent.Parse<GridDrawn>(json, new InngestParseOptions { JsonTypeInfoResolver = new GridResolver() });
        Assert.Equal(4, evt.Data.Grid[1, 1]);

        // Without it, System.Text.Json cannot read int[,]: the error names the record.
        var ex = Assert.Throws<InngestEventParseException>(() => InngestEvent.Parse<GridDrawn>(json));
        Assert.Equal(InngestEventParseError.InvalidData, ex.Error);
        Assert.Contains("GridDrawn", ex.Message);
    }

    private sealed class GridResolver : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
            => type == typeof(int[,]) ? JsonMetadataServices.CreateValueInfo<int[,]>(options, new GridConverter()) : null;
    }

    private sealed class GridConverter : JsonConverter<int[,]>
    {
        public override int[,] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var rows = JsonSerializer.Deserialize(ref reader, ReceivingJson.Default.Int32ArrayArray)!;
            var grid = new int[rows.Length, rows.Length == 0 ? 0 : rows[0].Length];
            for (var i = 0; i < rows.Length; i++)
            {
                for (var j = 0; j < rows[i].Length; j++)
                {
                    grid[i, j] = rows[i][j];
                }
            }

            return grid;
        }

        public override void Write(Utf8JsonWriter writer, int[,] value, JsonSerializerOptions options) => throw new NotSupportedException();
    }
}

#pragma warning disable INNG011 // int[,] on purpose: the user's resolver describes it.
[InngestEvent("app/grid.drawn")]
public sealed partial record GridDrawn(string Id, int[,] Grid);
#pragma warning restore INNG011

[JsonSerializable(typeof(int[][]))]
internal sealed partial class ReceivingJson : JsonSerializerContext
{
}
