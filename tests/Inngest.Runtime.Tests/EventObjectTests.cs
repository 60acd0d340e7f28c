using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Runtime.Tests;

/// <summary>event-api.md section 2: the event object's keys and the rules the client checks before sending.</summary>
public sealed class EventObjectTests : IAsyncLifetime
{
    private CaptureServer _server = null!;

    public async Task InitializeAsync() => _server = await CaptureServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<JsonElement> SendOneAsync(InngestEvent evt, Action<InngestClientOptions>? configure = null)
    {
        var options = Wire.Options(_server);
        configure?.Invoke(options);
        using var client = new InngestClient(options);
        await client.SendAsync(evt);
        return _server.Requests[^1].BodyJson[0];
    }

    private async Task<InngestEventValidationException> RejectedAsync(IReadOnlyList<InngestEvent> events, Action<InngestClientOptions>? configure = null)
    {
        var options = Wire.Options(_server);
        configure?.Invoke(options);
        using var client = new InngestClient(options);
        var ex = await Assert.ThrowsAsync<InngestEventValidationException>(() => client.SendAsync(events));
        Assert.Empty(_server.Requests); // nothing of the call was sent
        return ex;
    }

    [Fact]
    public async Task Keys_are_written_in_the_order_name_data_user_id_ts_v()
    {
        var evt = Wire.Account(user: Wire.Taylor, id: "cart-checkout-completed-ed12c8bde", timestamp: DateTimeOffset.FromUnixTimeMilliseconds(1684274328198), version: "2024-05-15.1");
        var json = await SendOneAsync(evt);

        Assert.Equal(new[] { "name", "data", "user", "id", "ts", "v" }, json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("cart-checkout-completed-ed12c8bde", json.GetProperty("id").GetString());
        Assert.Equal(1684274328198, json.GetProperty("ts").GetInt64());
        Assert.Equal("2024-05-15.1", json.GetProperty("v").GetString());
    }

    [Fact]
    public async Task Missing_ts_is_filled_with_the_seed_milliseconds_and_optional_keys_are_omitted()
    {
        var json = await SendOneAsync(Wire.Account());

        Assert.Equal(new[] { "name", "data", "ts" }, json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Wire.SeedMs(_server.Requests[0]), json.GetProperty("ts").GetInt64());
    }

    [Fact]
    public async Task Seed_and_filled_ts_come_from_the_injected_clock()
    {
        var clock = new RecordingClock();
        var json = await SendOneAsync(Wire.Account(), o => o.TimeProvider = clock);

        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), json.GetProperty("ts").GetInt64());
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), Wire.SeedMs(_server.Requests[0]));
    }

    [Fact]
    public async Task A_future_ts_is_sent_as_given_to_schedule_the_run()
    {
        var future = DateTimeOffset.UtcNow.AddDays(3);
        var json = await SendOneAsync(Wire.Account(timestamp: future));

        Assert.Equal(future.ToUnixTimeMilliseconds(), json.GetProperty("ts").GetInt64());
    }

    [Fact]
    public async Task Empty_id_and_empty_version_are_omitted()
    {
        var json = await SendOneAsync(Wire.Account(id: "", version: ""));

        Assert.False(json.TryGetProperty("id", out _));
        Assert.False(json.TryGetProperty("v", out _));
    }

    [Fact]
    public async Task User_carries_external_id_email_phone_and_attributes_in_order()
    {
        var user = new InngestUser
        {
            ExternalId = "u1",
            Email = "a@example.com",
            Phone = "+15550100",
            Attributes = new JsonObject { ["plan"] = "pro", ["seats"] = 3, ["tags"] = new JsonArray("a", "b") },
        };
        var json = await SendOneAsync(Wire.Account(user: user));

        Assert.Equal("""{"external_id":"u1","email":"a@example.com","phone":"+15550100","plan":"pro","seats":3,"tags":["a","b"]}""", json.GetProperty("user").GetRawText());
    }

    [Theory]
    [InlineData("""{"a":1}""", """{"a":1}""")]
    [InlineData("{}", "{}")]
    [InlineData("null", "{}")]
    public async Task Untyped_data_objects_pass_through_and_null_becomes_an_empty_object(string data, string expected)
    {
        var json = await SendOneAsync(Wire.Json("app/x", data));

        Assert.Equal(expected, json.GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task Typed_null_data_becomes_an_empty_object()
    {
        var json = await SendOneAsync(new InngestEvent<AccountCreated?>("app/x", null, TestJson.Default.AccountCreated!));

        Assert.Equal("{}", json.GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task Default_json_element_becomes_an_empty_object()
    {
        var json = await SendOneAsync(InngestEvent.FromJson("app/x", default(JsonElement)));

        Assert.Equal("{}", json.GetProperty("data").GetRawText());
    }

    [Theory]
    [InlineData("[1,2]", "an array")]
    [InlineData("\"text\"", "a string")]
    [InlineData("42", "a number")]
    [InlineData("true", "a boolean")]
    public async Task Data_that_is_not_an_object_is_rejected(string data, string kind)
    {
        var ex = await RejectedAsync(new[] { Wire.Account(), Wire.Json("app/x", data) });

        Assert.Equal(1, ex.EventIndex);
        Assert.Contains("Event 1", ex.Message);
        Assert.Contains("must be a JSON object", ex.Message);
        Assert.Contains(kind, ex.Message);
    }

    [Fact]
    public async Task Typed_data_that_serializes_to_a_non_object_is_rejected()
    {
        var ex = await RejectedAsync(new InngestEvent[] { new InngestEvent<int[]>("app/x", new[] { 1 }, TestJson.Default.Int32Array) });

        Assert.Equal(0, ex.EventIndex);
        Assert.Contains("an array", ex.Message);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("inngest/function.finished", "reserved")]
    [InlineData("Inngest/x", "reserved")]
    [InlineData("INNGEST/x", "reserved")]
    public async Task Bad_names_are_rejected_with_the_index_and_the_fix(string name, string what)
    {
        var ex = await RejectedAsync(new[] { Wire.Account(), Wire.Account(), Wire.Json(name, "{}") });

        Assert.Equal(2, ex.EventIndex);
        Assert.StartsWith("Event 2:", ex.Message);
        Assert.Contains(what == "empty" ? "is empty" : "reserves", ex.Message);
        Assert.Contains("app/", ex.Message); // says what to use instead
    }

    [Fact]
    public async Task Names_up_to_256_characters_are_accepted_and_257_rejected()
    {
        var ok = "app/" + new string('a', 252);
        await SendOneAsync(Wire.Json(ok, "{}"));
        _server.Clear();

        var ex = await RejectedAsync(new[] { Wire.Json(ok + "b", "{}") });
        Assert.Contains("257 characters", ex.Message);
        Assert.Contains("at most 256", ex.Message);
    }

    [Fact]
    public async Task A_null_event_in_the_list_is_rejected()
    {
        var ex = await RejectedAsync(new InngestEvent[] { Wire.Account(), null! });

        Assert.Equal(1, ex.EventIndex);
    }

    [Theory]
    [InlineData(1979, 12, 31)]
    [InlineData(2100, 1, 2)]
    public async Task Timestamps_outside_1980_to_2100_are_rejected(int year, int month, int day)
    {
        var ex = await RejectedAsync(new[] { Wire.Account(timestamp: new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero)) });

        Assert.Contains("between 1980-01-01 and 2100-01-01", ex.Message);
    }

    [Fact]
    public async Task A_timestamp_given_in_seconds_is_caught()
    {
        // 1684274328 is a Unix time in seconds; read as milliseconds it is in January 1970.
        var ex = await RejectedAsync(new[] { Wire.Account(timestamp: DateTimeOffset.FromUnixTimeMilliseconds(1684274328)) });

        Assert.Contains("FromUnixTimeSeconds", ex.Message);
    }

    [Theory]
    [InlineData(1980, 1, 1)]
    [InlineData(2100, 1, 1)]
    public async Task Timestamps_at_the_limits_are_accepted(int year, int month, int day)
    {
        var at = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
        var json = await SendOneAsync(Wire.Account(timestamp: at));

        Assert.Equal(at.ToUnixTimeMilliseconds(), json.GetProperty("ts").GetInt64());
    }

    [Fact]
    public async Task An_event_over_MaxEventBytes_is_rejected_and_one_at_the_limit_is_sent()
    {
        const int limit = 256 * 1024;
        // {"name":"app/x","data":{"s":"..."},"ts":1795703591848} is 53 bytes plus the string.
        var overhead = """{"name":"app/x","data":{"s":""},"ts":1795703591848}""".Length;
        var fits = Wire.Json("app/x", JsonSerializer.Serialize(new Dictionary<string, string> { ["s"] = new string('x', limit - overhead) }, DictionaryJson.Default.DictionaryStringString));
        var json = await SendOneAsync(fits, o => o.MaxEventBytes = limit);
        Assert.Equal(limit - overhead, json.GetProperty("data").GetProperty("s").GetString()!.Length);
        Assert.Equal(limit + 2, _server.Requests[^1].Body.Length); // the event plus the array brackets

        _server.Clear();
        var tooBig = Wire.Json("app/x", JsonSerializer.Serialize(new Dictionary<string, string> { ["s"] = new string('x', limit - overhead + 1) }, DictionaryJson.Default.DictionaryStringString));
        var ex = await RejectedAsync(new[] { Wire.Account(), tooBig }, o => o.MaxEventBytes = limit);
        Assert.Equal(1, ex.EventIndex);
        Assert.Contains("262,145 bytes", ex.Message);
        Assert.Contains("MaxEventBytes", ex.Message);
    }

    [Fact]
    public async Task The_default_size_limit_is_3_MiB()
    {
        Assert.Equal(3 * 1024 * 1024, new InngestClientOptions().MaxEventBytes);
        var big = Wire.Json("app/x", "{\"s\":\"" + new string('x', 3 * 1024 * 1024) + "\"}");

        var ex = await RejectedAsync(new[] { big });
        Assert.Contains("3,145,728 bytes", ex.Message);
    }

    [Fact]
    public async Task User_attributes_must_not_repeat_the_typed_fields()
    {
        var user = new InngestUser { Attributes = new JsonObject { ["email"] = "x@example.com" } };

        var ex = await RejectedAsync(new[] { Wire.Account(user: user) });
        Assert.Contains("InngestUser.Email", ex.Message);
    }

    [Fact]
    public async Task Unwritable_values_are_rejected_with_the_index()
    {
        var nan = new InngestEvent<double>("app/x", double.NaN, TestJson.Default.Double);
        var ex = await RejectedAsync(new InngestEvent[] { Wire.Account(), nan });
        Assert.Equal(1, ex.EventIndex);
        Assert.Contains("NaN", ex.Message);

        var lone = new InngestEvent<AccountCreated>("app/x", new AccountCreated("\ud800", "pro"), TestJson.Default.AccountCreated);
        ex = await RejectedAsync(new InngestEvent[] { lone });
        Assert.Equal(0, ex.EventIndex);
        Assert.Contains("surrogate", ex.Message);

        ex = await RejectedAsync(new InngestEvent[] { Wire.Json("app/\udc00", "{}") });
        Assert.Contains("surrogate", ex.Message);

        ex = await RejectedAsync(new InngestEvent[] { Wire.Account(user: new InngestUser { Email = "x\ud83d" }) });
        Assert.Contains("surrogate", ex.Message);
    }

    [Theory]
    [InlineData("{\"s\":\"\\ufffd is fine\"}")]
    [InlineData("{\"s\":\"a backslash then uFFFD: \\\\uFFFD\"}")]
    [InlineData("{\"s\":\"\ufffd\"}")]
    public async Task Real_replacement_characters_and_escaped_backslashes_are_not_mistaken_for_lone_surrogates(string data)
    {
        var json = await SendOneAsync(Wire.Json("app/x", data));

        Assert.Equal(JsonDocument.Parse(data).RootElement.GetProperty("s").GetString(), json.GetProperty("data").GetProperty("s").GetString());
    }

    [Fact]
    public async Task FromJson_takes_the_envelope_fields_too()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1684274328198);
        var json = await SendOneAsync(InngestEvent.FromJson("app/x", """{"a":1}""", user: new InngestUser { ExternalId = "u" }, id: "evt-1", timestamp: at, version: "2024-05-15.1"));

        Assert.Equal("""{"name":"app/x","data":{"a":1},"user":{"external_id":"u"},"id":"evt-1","ts":1684274328198,"v":"2024-05-15.1"}""", json.GetRawText());
    }

    [Fact]
    public void FromJson_text_that_is_not_json_fails_with_a_clear_message()
    {
        var ex = Assert.Throws<ArgumentException>(() => InngestEvent.FromJson("app/x", "{not json"));

        Assert.Contains("not well-formed JSON", ex.Message);
    }

    [Fact]
    public void ToString_never_shows_payload_or_user_data()
    {
        var evt = Wire.Account(user: Wire.Taylor);

        Assert.DoesNotContain("taylor", evt.ToString());
        Assert.DoesNotContain("taylor", Wire.Taylor.ToString());
        Assert.DoesNotContain("645e9f", evt.ToString());
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class DictionaryJson : System.Text.Json.Serialization.JsonSerializerContext
{
}
