using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace Inngest.Receiving.Tests;

/// <summary>Typed parsing of one event from every input form, and the envelope fields as Inngest delivers them.</summary>
public sealed class ParseTests
{
    // What Inngest hands a function as `event`: the internal id, ts in ms, v, and members such as meta that are not ours.
    private const string Delivered = """
        {"name":"app/signup.started","data":{"email":"ada@example.com","referrer":"ads","seats":3,"tags":["a","b"]},
         "id":"01HQ8PTAESBZPBDS8JTRZZYY3S","ts":1715776200123,"v":"2024-05-15.1",
         "user":{"external_id":"u-1","email":"ada@example.com","phone":"+15550100","plan":"pro","flags":[1,2]},
         "meta":{"source":"dashboard"},"extra":{"nested":[{"x":1}]}}
        """;

    [Fact]
    public void String_input_gives_the_typed_event_with_every_envelope_field()
    {
        var evt = InngestEvent.Parse<SignupStarted>(Delivered);
        AssertDelivered(evt);
    }

    [Fact]
    public void Utf8_bytes_element_and_stream_give_the_same_event()
    {
        var bytes = Encoding.UTF8.GetBytes(Delivered);
        AssertDelivered(InngestEvent.Parse<SignupStarted>(bytes.AsSpan()));
        AssertDelivered(InngestEvent.Parse<SignupStarted>(new ReadOnlyMemory<byte>(bytes).Span));
        using var document = JsonDocument.Parse(Delivered);
        AssertDelivered(InngestEvent.Parse<SignupStarted>(document.RootElement));
    }

    [Fact]
    public async Task Stream_input_is_read_to_the_end_also_when_it_arrives_in_small_pieces()
    {
        AssertDelivered(await InngestEvent.ParseAsync<SignupStarted>(new MemoryStream(Encoding.UTF8.GetBytes(Delivered))));
        AssertDelivered(await InngestEvent.ParseAsync<SignupStarted>(new TrickleStream(Encoding.UTF8.GetBytes(Delivered), 7)));
        Assert.IsType<InngestEvent<SignupStarted>>(await InngestEvent.ParseAsync(new TrickleStream(Encoding.UTF8.GetBytes(Delivered), 3)));
    }

    [Fact]
    public void Every_optional_field_absent_parses()
    {
        var evt = InngestEvent.Parse<SignupStarted>("""{"name":"app/signup.started","data":{"email":"x@example.com"}}""");
        Assert.Equal(new SignupStarted("x@example.com"), evt.Data);
        Assert.Null(evt.Id);
        Assert.Null(evt.Timestamp);
        Assert.Null(evt.User);
        Assert.Null(evt.ReceivedVersion);
        Assert.Equal("2024-05-15.1", evt.Version); // the version of the record the data was read with
    }

    [Fact]
    public void Data_absent_or_null_is_an_empty_object_as_the_event_api_stores_it()
    {
        var missing = InngestEvent.Parse<SeatAdded>("""{"name":"app/seat.added"}""");
        Assert.Equal(new SeatAdded(null!, 0), missing.Data);
        var nulled = InngestEvent.Parse<SeatAdded>("""{"name":"app/seat.added","data":null,"ts":null,"id":null,"v":null,"user":null}""");
        Assert.Equal(new SeatAdded(null!, 0), nulled.Data);
    }

    [Fact]
    public void Members_may_come_in_any_order_and_data_before_name()
    {
        var evt = InngestEvent.Parse<SeatAdded>("""{"ts":1715776200000,"data":{"count":2,"accountId":"a"},"v":"","id":"e1","name":"app/seat.added"}""");
        Assert.Equal(new SeatAdded("a", 2), evt.Data);
        Assert.Equal("e1", evt.Id);
        Assert.Null(evt.ReceivedVersion); // an empty v is none, as the writer treats it
    }

    [Fact]
    public void Web_defaults_apply_to_data_case_insensitive_names_and_numbers_as_strings()
    {
        var evt = InngestEvent.Parse<SeatAdded>("""{"name":"app/seat.added","data":{"ACCOUNTID":"a","count":"7"}}""");
        Assert.Equal(new SeatAdded("a", 7), evt.Data);
    }

    [Fact]
    public void A_parsed_event_can_be_sent_again_and_arrives_the_same()
    {
        var evt = InngestEvent.Parse<SignupStarted>(Delivered);
        var request = WireCapture.Send(evt);
        var again = Assert.Single(InngestEvent.ParseBatch<SignupStarted>(request.Body));
        AssertDelivered(again);
    }

    [Fact]
    public void Ts_zero_means_not_set()
    {
        Assert.Null(InngestEvent.Parse<SeatAdded>("""{"name":"app/seat.added","data":{},"ts":0}""").Timestamp);
    }

    [Fact]
    public void Batch_of_events_as_batchEvents_functions_receive_them()
    {
        var events = InngestEvent.ParseBatch<SeatAdded>("""[{"name":"app/seat.added","data":{"accountId":"a","count":1}},{"name":"app/seat.added","data":{"accountId":"b","count":2},"ts":1715776200000}]""");
        Assert.Equal(new[] { new SeatAdded("a", 1), new SeatAdded("b", 2) }, new[] { events[0].Data, events[1].Data });
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1715776200000), events[1].Timestamp);
        Assert.Empty(InngestEvent.ParseBatch<SeatAdded>("[]"));
    }

    [Fact]
    public void Deep_data_is_read_as_deep_as_System_Text_Json_reads_it_alone()
    {
        static string Nest(int depth) => new string('[', depth) + new string(']', depth);

        // data is an object (1 level) holding an array nested 62 more: 63 levels of data, within the default 64.
        var ok = "{\"name\":\"app/seat.added\",\"data\":{\"accountId\":\"a\",\"count\":1,\"x\":" + Nest(62) + "}}";
        Assert.Equal(1, InngestEvent.Parse<SeatAdded>(ok).Data.Count);
        var tooDeep = "{\"name\":\"app/seat.added\",\"data\":{\"x\":" + Nest(80) + "}}";
        var error = Assert.Throws<InngestEventParseException>(() => InngestEvent.Parse<SeatAdded>(tooDeep));
        Assert.Equal(InngestEventParseError.InvalidJson, error.Error);
    }

    private static void AssertDelivered(InngestEvent<SignupStarted> evt)
    {
        Assert.Equal("app/signup.started", evt.Name);
        Assert.Equal("ada@example.com", evt.Data.Email);
        Assert.Equal("ads", evt.Data.Referrer);
        Assert.Equal(3, evt.Data.Seats);
        Assert.Equal(new[] { "a", "b" }, evt.Data.Tags);
        Assert.Equal("01HQ8PTAESBZPBDS8JTRZZYY3S", evt.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1715776200123), evt.Timestamp);
        Assert.Equal("2024-05-15.1", evt.Version);
        Assert.Equal("2024-05-15.1", evt.ReceivedVersion);
        Assert.False(evt.IsUpgraded);
        Assert.NotNull(evt.User);
        Assert.Equal("u-1", evt.User!.ExternalId);
        Assert.Equal("ada@example.com", evt.User.Email);
        Assert.Equal("+15550100", evt.User.Phone);
        Assert.Equal("""{"plan":"pro","flags":[1,2]}""", evt.User.Attributes!.ToJsonString());
        Assert.Same(SignupStarted.EventName, evt.Name);
    }

    /// <summary>A stream that hands out at most a few bytes per read, as a slow network does.</summary>
    private sealed class TrickleStream : MemoryStream
    {
        private readonly int _chunk;

        public TrickleStream(byte[] bytes, int chunk)
            : base(bytes)
        {
            _chunk = chunk;
        }

        public override bool CanSeek => false;

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, _chunk));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, System.Threading.CancellationToken cancellationToken = default)
            => base.ReadAsync(buffer[..Math.Min(buffer.Length, _chunk)], cancellationToken);
    }
}
