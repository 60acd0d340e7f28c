using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Inngest.Receiving.Tests;

// Counts by key, and a nested record: for the dictionary and nesting rules of the generated reader.
[InngestEvent("app/tally.counted")]
public sealed partial record TallyCounted(Dictionary<string, int> Counts, TallyPlace? Where, DateTimeOffset At, Guid Run, double[] Samples);

public sealed record TallyPlace(string City, long Population);

// Collection interfaces (System.Text.Json creates a List or a Dictionary for them) and the smaller number types.
[InngestEvent("app/shelf.stocked")]
public sealed partial record ShelfStocked(
    IReadOnlyList<string> Names,
    IEnumerable<int>? Counts,
    IList<short> Small,
    ICollection<float> Weights,
    IReadOnlyCollection<byte> Bytes,
    IReadOnlyDictionary<string, ulong> Big,
    IDictionary<string, sbyte>? Tiny,
    uint Unsigned,
    ushort Short);

/// <summary>
/// The generated reader (<c>IInngestEventData.TryReadData</c>, what <c>InngestEvent.Parse</c> reads data with): it reads
/// plain data as System.Text.Json reads it, and gives up on whatever it does not spell out, which the parse then reads
/// with the metadata, so the result is System.Text.Json's either way.
/// </summary>
public sealed class GeneratedReaderTests
{
    [Theory]
    [InlineData("""{"email":"ada@example.com","referrer":"ads","seats":3,"tags":["a","b"]}""")]
    [InlineData("""{"email":"ada@example.com"}""")] // the others take the constructor's defaults
    [InlineData("""{"email":null,"seats":null,"tags":null,"unknown":{"deep":[1,{"x":2}]},"more":[]}""")]
    [InlineData("""{"\u0065mail":"an escaped member name","tags":["\u00fc"]}""")]
    [InlineData("""{"email":"e","seats":-2147483648,"tags":[]}""")]
    public void Plain_data_is_read_by_the_generated_reader_as_System_Text_Json_reads_it(string data)
    {
        Assert.True(TryRead<SignupStarted>(data, out var value));
        Assert.Equal(ReadWithMetadata<SignupStarted>(data), Write(value!));
    }

    [Theory]
    [InlineData("""{"counts":{"a":1,"b":2},"where":{"city":"Lyon","population":522250},"at":"2024-05-15T12:30:00+02:00","run":"6f9619ff-8b86-d011-b42d-00c04fc964ff","samples":[1.5,-0.25,1e3]}""")]
    [InlineData("""{"counts":{},"where":null,"at":"2024-05-15T12:30:00Z","run":"00000000-0000-0000-0000-000000000000","samples":[]}""")]
    [InlineData("""{"counts":null,"samples":null}""")]
    public void Dictionaries_nested_records_dates_guids_and_arrays_are_read_too(string data)
    {
        Assert.True(TryRead<TallyCounted>(data, out var value));
        Assert.Equal(ReadWithMetadata<TallyCounted>(data), Write(value!));
    }

    [Fact]
    public void Collection_interfaces_get_the_types_System_Text_Json_creates_for_them()
    {
        const string data = """{"names":["a"],"counts":[1,2],"small":[-32768,32767],"weights":[1.5,3.4028235E+38],"bytes":[0,255],"big":{"max":18446744073709551615},"tiny":{"min":-128},"unsigned":4294967295,"short":65535}""";
        Assert.True(TryRead<ShelfStocked>(data, out var value));
        var expected = JsonSerializer.Deserialize(data, ShelfStockedInfo())!;
        Assert.Equal(ReadWithMetadata<ShelfStocked>(data), Write(value!));
        Assert.Equal(expected.Names.GetType(), value!.Names.GetType());
        Assert.Equal(expected.Counts!.GetType(), value.Counts!.GetType());
        Assert.Equal(expected.Small.GetType(), value.Small.GetType());
        Assert.Equal(expected.Weights.GetType(), value.Weights.GetType());
        Assert.Equal(expected.Bytes.GetType(), value.Bytes.GetType());
        Assert.Equal(expected.Big.GetType(), value.Big.GetType());
        Assert.Equal(expected.Tiny!.GetType(), value.Tiny!.GetType());

        // Out of range for the member's type: System.Text.Json refuses it.
        AssertLeftToMetadata<ShelfStocked>("""{"short":65536}""", "app/shelf.stocked", null);
        AssertLeftToMetadata<ShelfStocked>("""{"bytes":[256]}""", "app/shelf.stocked", null);
        AssertLeftToMetadata<ShelfStocked>("""{"tiny":{"x":-129}}""", "app/shelf.stocked", null);
    }

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> InfoOf<T>()
        where T : IInngestEventData<T>
        => T.JsonTypeInfo;

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<ShelfStocked> ShelfStockedInfo() => InfoOf<ShelfStocked>();

    [Theory]
    [InlineData("""{"Email":"a name that matches only ignoring case, which the Web defaults bind"}""")]
    [InlineData("""{"email":"first","email":"the last one wins"}""")]
    [InlineData("""{"email":"e","seats":"3"}""")] // a quoted number, which the Web defaults read
    [InlineData("""{"email":"e","$id":"1"}""")]
    [InlineData("""{"email":"e","seats":3.5}""")] // not a whole number: System.Text.Json refuses it
    [InlineData("""{"email":"e","seats":true}""")]
    [InlineData("""{"email":"e","tags":"not a list"}""")]
    public void Data_the_reader_does_not_spell_out_is_read_with_the_metadata(string data)
        => AssertLeftToMetadata<SignupStarted>(data, "app/signup.started", "2024-05-15.1");

    [Theory]
    [InlineData("""{"counts":{"a":1,"a":2}}""")] // a repeated key: the last wins
    [InlineData("""{"counts":{"$id":1}}""")]
    [InlineData("""{"where":{"city":"Lyon","City":"Paris"}}""")]
    [InlineData("""{"at":"yesterday"}""")]
    [InlineData("""{"run":"not a guid"}""")]
    [InlineData("""{"run":"6f9619ff8b86d011b42d00c04fc964ff"}""")] // System.Text.Json reads only the hyphenated form
    [InlineData("""{"where":{"city":"Lyon","population":"522250"}}""")]
    [InlineData("""{"samples":[1,"2"]}""")]
    public void Nested_data_the_reader_does_not_spell_out_is_read_with_the_metadata(string data)
        => AssertLeftToMetadata<TallyCounted>(data, "app/tally.counted", null);

    [Theory]
    [InlineData("""{"email":"ada@example.com","referrer":"ads","seats":3,"tags":["a","b"]}""")]
    [InlineData("""{"Email":"case"}""")]
    [InlineData("""{"email":"first","email":"last"}""")]
    [InlineData("""{"email":"e","seats":"3"}""")]
    public void Data_before_the_name_or_changed_by_a_receive_hook_is_read_from_its_slice_as_System_Text_Json_reads_it(string data)
    {
        // "data" before "name": the data cannot be read in the envelope's pass, so it is read from its slice.
        var dataFirst = "{\"data\":" + data + ",\"name\":\"app/signup.started\",\"v\":\"2024-05-15.1\"}";
        Assert.Equal(ReadWithMetadata<SignupStarted>(data), Write(InngestEvent.Parse<SignupStarted>(dataFirst).Data));

        // A receive hook: the data it returns is read from its own bytes.
        var options = new InngestParseOptions();
        options.ReceiveMiddleware.Add(new Unchanged());
        var nameFirst = "{\"name\":\"app/signup.started\",\"v\":\"2024-05-15.1\",\"data\":" + data + "}";
        Assert.Equal(ReadWithMetadata<SignupStarted>(data), Write(InngestEvent.Parse<SignupStarted>(nameFirst, options).Data));
    }

    private sealed class Unchanged : InngestReceiveMiddleware
    {
        public override JsonElement TransformData(JsonElement data, InngestReceiveMiddlewareContext context) => data;
    }

    private static void AssertLeftToMetadata<T>(string data, string name, string? version)
        where T : IInngestEventData<T>
    {
        Assert.False(TryRead<T>(data, out _));

        // The parse reads it as System.Text.Json does, or fails where System.Text.Json does.
        var envelope = "{\"name\":\"" + name + "\"" + (version is null ? string.Empty : ",\"v\":\"" + version + "\"") + ",\"data\":" + data + "}";
        string? expected;
        try
        {
            expected = ReadWithMetadata<T>(data);
        }
        catch (JsonException)
        {
            expected = null;
        }

        if (expected is null)
        {
            var error = Assert.Throws<InngestEventParseException>(() => InngestEvent.Parse<T>(envelope));
            Assert.Equal(InngestEventParseError.InvalidData, error.Error);
        }
        else
        {
            Assert.Equal(expected, Write(InngestEvent.Parse<T>(envelope).Data));
        }
    }

    private static bool TryRead<T>(string json, out T? value)
        where T : IInngestEventData<T>
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return T.TryReadData(ref reader, out value);
    }

    private static string ReadWithMetadata<T>(string json)
        where T : IInngestEventData<T>
        => Write(JsonSerializer.Deserialize(json, T.JsonTypeInfo)!);

    private static string Write<T>(T value)
        where T : IInngestEventData<T>
        => JsonSerializer.Serialize(value, T.JsonTypeInfo);
}
