using System;
using System.Text.Json;

namespace Inngest.Receiving.Tests;

/// <summary>Every parse error: its kind, its JSON path, the event's name in the message, and TryParse never throwing.</summary>
public sealed class ErrorTests
{
    private static InngestEventParseException Fails<T>(string json, InngestEventParseError error, string? path)
        where T : IInngestEventData<T>
    {
        var ex = Assert.Throws<InngestEventParseException>(() => InngestEvent.Parse<T>(json));
        Assert.Equal(error, ex.Error);
        Assert.Equal(path, ex.Path);

        // The TryParse forms report the same error without throwing.
        Assert.False(InngestEvent.TryParse<T>(json, out var none));
        Assert.Null(none);
        Assert.False(InngestEvent.TryParse<T>(json, null, out _, out var reported));
        Assert.Equal(error, reported.Error);
        Assert.False(InngestEvent.TryParse<T>(System.Text.Encoding.UTF8.GetBytes(json), out _));
        return ex;
    }

    [Fact]
    public void Name_mismatch_names_both_events()
    {
        var ex = Fails<SeatAdded>("""{"name":"app/invoice.paid","data":{}}""", InngestEventParseError.NameMismatch, "$.name");
        Assert.Contains("'app/invoice.paid'", ex.Message);
        Assert.Contains("'app/seat.added'", ex.Message);
        Assert.Equal("app/invoice.paid", ex.EventName);
    }

    [Fact]
    public void Missing_or_mistyped_name()
    {
        Fails<SeatAdded>("""{"data":{}}""", InngestEventParseError.MissingName, "$.name");
        Fails<SeatAdded>("""{"name":42,"data":{}}""", InngestEventParseError.MissingName, "$.name");
        Assert.Throws<InngestEventParseException>(() => InngestEvent.Parse("""{"data":{}}"""));
    }

    [Fact]
    public void Missing_required_member_has_its_path_under_data()
    {
        var ex = Fails<PaymentReceived>("""{"name":"app/payment.received","data":{"paymentId":"p1"}}""", InngestEventParseError.InvalidData, "$.data");
        Assert.Contains("'app/payment.received'", ex.Message);
        Assert.Contains("amount", ex.Message);
        Assert.IsType<JsonException>(ex.InnerException);
    }

    [Fact]
    public void Mistyped_member_has_its_json_path_also_when_nested_and_in_a_batch()
    {
        var ex = Fails<PaymentReceived>("""{"name":"app/payment.received","data":{"paymentId":"p1","amount":"ten"}}""", InngestEventParseError.InvalidData, "$.data.amount");
        Assert.Contains("PaymentReceived", ex.Message);
        Fails<PaymentReceived>("""{"name":"app/payment.received","data":{"paymentId":"p1","amount":1,"details":{"method":"card","installments":true}}}""",
            InngestEventParseError.InvalidData, "$.data.details.installments");

        var batch = Assert.Throws<InngestEventParseException>(() => InngestEvent.ParseBatch<PaymentReceived>(
            """[{"name":"app/payment.received","data":{"paymentId":"p1","amount":1}},{"name":"app/payment.received","data":{"paymentId":"p2","amount":[]}}]"""));
        Assert.Equal("$[1].data.amount", batch.Path);
        Assert.StartsWith("Event 1 ('app/payment.received')", batch.Message);
    }

    [Fact]
    public void Data_that_is_not_an_object()
    {
        Fails<SeatAdded>("""{"name":"app/seat.added","data":[1]}""", InngestEventParseError.InvalidData, "$.data");
        Fails<SeatAdded>("""{"name":"app/seat.added","data":"x"}""", InngestEventParseError.InvalidData, "$.data");
    }

    [Theory]
    [InlineData("\"1715776200000\"", "a string")]
    [InlineData("1715776200.5", "not a whole number")]
    [InlineData("true", "a boolean")]
    [InlineData("1e300", "not a whole number")]
    [InlineData("999999999999999999", "not a time")]
    public void Ts_that_is_not_a_number_of_milliseconds(string ts, string why)
    {
        var ex = Fails<SeatAdded>("{\"name\":\"app/seat.added\",\"data\":{},\"ts\":" + ts + "}", InngestEventParseError.InvalidTimestamp, "$.ts");
        Assert.Contains(why, ex.Message);
        Assert.Contains("'app/seat.added'", ex.Message);
    }

    [Fact]
    public void Mistyped_envelope_members()
    {
        Fails<SeatAdded>("""{"name":"app/seat.added","data":{},"id":7}""", InngestEventParseError.InvalidEnvelope, "$.id");
        Fails<SeatAdded>("""{"name":"app/seat.added","data":{},"v":1}""", InngestEventParseError.InvalidEnvelope, "$.v");
        Fails<SeatAdded>("""{"name":"app/seat.added","data":{},"user":"u"}""", InngestEventParseError.InvalidEnvelope, "$.user");
        Fails<SeatAdded>("""{"name":"app/seat.added","data":{},"user":{"email":3}}""", InngestEventParseError.InvalidEnvelope, "$.user.email");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("\"event\"")]
    [InlineData("{\"name\":\"app/seat.added\",\"data\":{}} trailing")]
    [InlineData("{\"name\":\"app/seat.added\",\"data\":{\"accountId\":}}")]
    public void Input_that_is_not_an_event_object(string json)
    {
        var ex = Assert.Throws<InngestEventParseException>(() => InngestEvent.Parse<SeatAdded>(json));
        Assert.Equal(InngestEventParseError.InvalidJson, ex.Error);
        Assert.False(InngestEvent.TryParse<SeatAdded>(json, out _));
        Assert.False(InngestEvent.TryParse(json, out _));
    }

    [Fact]
    public void Batch_input_must_be_an_array_of_objects()
    {
        Assert.Equal(InngestEventParseError.InvalidJson, Assert.Throws<InngestEventParseException>(() => InngestEvent.ParseBatch("{}")).Error);
        var ex = Assert.Throws<InngestEventParseException>(() => InngestEvent.ParseBatch("""[{"name":"app/seat.added","data":{}}, 3]"""));
        Assert.Equal("$[1]", ex.Path);
    }

    [Fact]
    public void An_undefined_element_is_false_for_TryParse_and_invalid_json_for_Parse()
    {
        Assert.False(InngestEvent.TryParse<SeatAdded>(default(JsonElement), out _));
        Assert.Equal(InngestEventParseError.InvalidJson, Assert.Throws<InngestEventParseException>(() => InngestEvent.Parse(default(JsonElement))).Error);
    }

    [Fact]
    public void Null_input_is_false_for_TryParse_and_an_argument_error_for_Parse()
    {
        Assert.False(InngestEvent.TryParse<SeatAdded>((string?)null, out _));
        Assert.False(InngestEvent.TryParse((string?)null, out _));
        Assert.Throws<ArgumentNullException>(() => InngestEvent.Parse<SeatAdded>((string)null!));
    }

    [Fact]
    public void Messages_never_contain_data_values()
    {
        var ex = Assert.Throws<InngestEventParseException>(() => InngestEvent.Parse<PaymentReceived>(
            """{"name":"app/payment.received","data":{"paymentId":"secret-value-123","amount":"also-secret"}}"""));
        Assert.DoesNotContain("secret", ex.Message);
    }
}
