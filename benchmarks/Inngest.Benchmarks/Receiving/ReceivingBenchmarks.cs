using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Inngest.Benchmarks.Model;

namespace Inngest.Benchmarks.Receiving;

/// <summary>The two received events the receiving table covers.</summary>
public enum ReceivedBody
{
    /// <summary>The seed's <c>app/account.created</c> with a user, id and ts.</summary>
    AccountCreated,

    /// <summary>One ~2 KB <c>shop/order.placed</c> event with <c>v</c>.</summary>
    Order2KB,
}

/// <summary>
/// Parses one received event (UTF-8 JSON as Inngest delivers it) into its typed payload: <c>InngestEvent.Parse&lt;T&gt;</c>
/// and the untyped, dispatching <c>InngestEvent.Parse</c> against System.Text.Json's own source-generated
/// deserialization of an equivalent hand-written envelope type (the baseline). Every variant reads the same bytes into
/// equal payloads (checked in <see cref="Setup"/>).
/// </summary>
[MemoryDiagnoser]
public class ReceivingBenchmarks
{
    private byte[] _json = Array.Empty<byte>();
    private byte[] _data = Array.Empty<byte>();

    [Params(ReceivedBody.AccountCreated, ReceivedBody.Order2KB)]
    public ReceivedBody Body { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // The bytes are what the library sends: the same JSON the serialization benchmarks check against the writer.
        _json = Body == ReceivedBody.AccountCreated
            ? JsonSerializer.SerializeToUtf8Bytes(
                new Envelope<AccountCreated>
                {
                    Name = AccountCreated.EventName,
                    Data = Payloads.Account(),
                    User = new EnvelopeUser { ExternalId = Payloads.AccountUser.ExternalId, Email = Payloads.AccountUser.Email },
                    Id = "01HQ8PTAESBZPBDS8JTRZZYY3S",
                    Ts = Payloads.Timestamp,
                },
                ReceivingBaselineJson.Default.EnvelopeAccountCreated)
            : JsonSerializer.SerializeToUtf8Bytes(
                new Envelope<OrderPlaced>
                {
                    Name = OrderPlaced.EventName,
                    Data = Payloads.Order(),
                    Id = "01HQ8PTAESBZPBDS8JTRZZYY3S",
                    Ts = Payloads.Timestamp,
                    Version = OrderPlaced.EventVersion,
                },
                ReceivingBaselineJson.Default.EnvelopeOrderPlaced);

        using (var document = JsonDocument.Parse(_json))
        {
            _data = JsonSerializer.SerializeToUtf8Bytes(document.RootElement.GetProperty("data"), ReceivingBaselineJson.Default.JsonElement);
        }

        var expected = JsonSerializer.Serialize(SystemTextJson(), ReceivingBaselineJson.Default.Object);
        Check(expected, Typed());
        Check(expected, Untyped());
    }

    [Benchmark(Baseline = true, Description = "System.Text.Json source-generated envelope")]
    public object SystemTextJson() => Body == ReceivedBody.AccountCreated
        ? JsonSerializer.Deserialize(_json, ReceivingBaselineJson.Default.EnvelopeAccountCreated)!.Data
        : JsonSerializer.Deserialize(_json, ReceivingBaselineJson.Default.EnvelopeOrderPlaced)!.Data;

    [Benchmark(Description = "InngestEvent.Parse<T>")]
    public object Typed() => Body == ReceivedBody.AccountCreated
        ? InngestEvent.Parse<AccountCreated>(_json.AsSpan()).Data
        : InngestEvent.Parse<OrderPlaced>(_json.AsSpan()).Data;

    [Benchmark(Description = "InngestEvent.Parse (dispatch)")]
    public object Untyped() => InngestEvent.Parse(_json.AsSpan()) switch
    {
        InngestEvent<AccountCreated> account => account.Data,
        InngestEvent<OrderPlaced> order => order.Data,
        var other => throw new InvalidOperationException("dispatched to " + other.GetType().Name),
    };

    /// <summary>Only the data object, with the metadata the Inngest generator emits (for the side check: where the time goes).</summary>
    public object DataWithGeneratedMetadata() => Body == ReceivedBody.AccountCreated
        ? JsonSerializer.Deserialize(_data, Generated<AccountCreated>())!
        : JsonSerializer.Deserialize(_data, Generated<OrderPlaced>())!;

    /// <summary>Only the data object, with the reader the Inngest generator emits (what <c>Parse</c> uses for plain data).</summary>
    public object DataWithGeneratedReader() => Body == ReceivedBody.AccountCreated ? ReadGenerated<AccountCreated>(_data) : ReadGenerated<OrderPlaced>(_data);

    private static T ReadGenerated<T>(byte[] data)
        where T : IInngestEventData<T>
    {
        var reader = new System.Text.Json.Utf8JsonReader(data);
        reader.Read();
        return T.TryReadData(ref reader, out var value) ? value : throw new InvalidOperationException(typeof(T).Name + " has no generated reader for this data");
    }

    /// <summary>Only the data object, with System.Text.Json's own source-generated metadata.</summary>
    public object DataWithStjMetadata() => Body == ReceivedBody.AccountCreated
        ? JsonSerializer.Deserialize(_data, ReceivingBaselineJson.Default.AccountCreated)!
        : JsonSerializer.Deserialize(_data, ReceivingBaselineJson.Default.OrderPlaced)!;

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> Generated<T>()
        where T : IInngestEventData<T>
        => T.JsonTypeInfo;

    private static void Check(string expected, object actual)
    {
        var json = JsonSerializer.Serialize(actual, ReceivingBaselineJson.Default.Object);
        if (json != expected)
        {
            throw new InvalidOperationException("The variants read different payloads:\n" + expected + "\n" + json);
        }
    }
}

/// <summary>The hand-written System.Text.Json source-generated context for received envelopes (the baseline).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Envelope<AccountCreated>))]
[JsonSerializable(typeof(Envelope<OrderPlaced>))]
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class ReceivingBaselineJson : JsonSerializerContext
{
}
