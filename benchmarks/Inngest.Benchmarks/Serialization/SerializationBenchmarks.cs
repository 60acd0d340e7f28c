using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Inngest.Benchmarks.Model;

namespace Inngest.Benchmarks.Serialization;

/// <summary>The three bodies the serialization table covers.</summary>
public enum Body
{
    /// <summary>The seed's <c>app/account.created</c> with a user: one small event.</summary>
    AccountCreated,

    /// <summary>One ~2 KB <c>shop/order.placed</c> event.</summary>
    Order2KB,

    /// <summary>1,000 of the ~2 KB event in one body.</summary>
    Order2KBx1000,
}

/// <summary>
/// Serializes a whole request body (the JSON array of envelopes with their data) into a reused
/// pooled buffer. Every variant writes the same JSON (checked in <see cref="Setup"/>).
/// </summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private const int MaxEventBytes = 3 * 1024 * 1024;

    private readonly PooledBufferWriter _buffer = new(64 * 1024);
    private readonly MemoryStream _stream = new(64 * 1024);
    private List<InngestEvent> _events = new();
    private List<Envelope<AccountCreated>> _accountEnvelopes = new();
    private List<Envelope<OrderPlaced>> _orderEnvelopes = new();

    [Params(Body.AccountCreated, Body.Order2KB, Body.Order2KBx1000)]
    public Body Body { get; set; }

    /// <summary>Number of events in the body (for per-event figures).</summary>
    public int EventCount => Body == Body.Order2KBx1000 ? 1000 : 1;

    [GlobalSetup]
    public void Setup()
    {
        _events = new List<InngestEvent>();
        _accountEnvelopes = new List<Envelope<AccountCreated>>();
        _orderEnvelopes = new List<Envelope<OrderPlaced>>();
        for (var i = 0; i < EventCount; i++)
        {
            if (Body == Body.AccountCreated)
            {
                var data = Payloads.Account(i);
                _events.Add(data.ToEvent(user: Payloads.AccountUser));
                _accountEnvelopes.Add(new Envelope<AccountCreated>
                {
                    Name = AccountCreated.EventName,
                    Data = data,
                    User = new EnvelopeUser { ExternalId = Payloads.AccountUser.ExternalId, Email = Payloads.AccountUser.Email },
                    Ts = Payloads.Timestamp,
                    Version = AccountCreated.EventVersion,
                });
            }
            else
            {
                var data = Payloads.Order(i);
                _events.Add(data.ToEvent());
                _orderEnvelopes.Add(new Envelope<OrderPlaced> { Name = OrderPlaced.EventName, Data = data, Ts = Payloads.Timestamp, Version = OrderPlaced.EventVersion });
            }
        }

        Verify();
    }

    [GlobalCleanup]
    public void Cleanup() => _buffer.Dispose();

    /// <summary>The library: <c>EnvelopeWriter.WriteBody</c> (what every send runs) with the events' generated metadata.</summary>
    [Benchmark(Baseline = true, Description = "Inngest.Typed (generated)")]
    public int Generated()
    {
        _buffer.Clear();
        EnvelopeWriter.WriteBody(_buffer, _events, 0, _events.Count, Payloads.Timestamp, MaxEventBytes, JsonMetadataResolver.Default);
        return _buffer.WrittenCount;
    }

    /// <summary>A hand-written envelope type in a hand-written <c>[JsonSerializable]</c> context.</summary>
    [Benchmark(Description = "STJ source-gen, envelope type")]
    public int StjSourceGenEnvelopeType()
    {
        _buffer.Clear();
        using var writer = new Utf8JsonWriter(_buffer, BaselineSettings.WriterOptions);
        if (Body == Body.AccountCreated)
        {
            JsonSerializer.Serialize(writer, _accountEnvelopes, HandWrittenJson.Default.ListEnvelopeAccountCreated);
        }
        else
        {
            JsonSerializer.Serialize(writer, _orderEnvelopes, HandWrittenJson.Default.ListEnvelopeOrderPlaced);
        }

        writer.Flush();
        return _buffer.WrittenCount;
    }

    private static readonly JsonWriterOptions Unvalidated = new() { Encoder = BaselineSettings.WriterOptions.Encoder, SkipValidation = true };

    // Diagnostics for the CPU-time table (not BenchmarkDotNet rows): the data alone, through each generator's fast path,
    // and the STJ envelope with the writer's validation off, to show where the library's time goes.

    /// <summary>The first event's data alone, through the Inngest generator's fast path.</summary>
    public int DataOnlyGenerated()
    {
        _buffer.Clear();
        using var writer = new Utf8JsonWriter(_buffer, Unvalidated);
        if (Body == Body.AccountCreated)
        {
            GeneratedAccount(writer, _accountEnvelopes[0].Data);
        }
        else
        {
            GeneratedOrder(writer, _orderEnvelopes[0].Data);
        }

        writer.Flush();
        return _buffer.WrittenCount;
    }

    private static readonly Action<Utf8JsonWriter, AccountCreated> GeneratedAccount = InngestEvent.Create(Payloads.Account()).JsonTypeInfo.SerializeHandler!;
    private static readonly Action<Utf8JsonWriter, OrderPlaced> GeneratedOrder = InngestEvent.Create(Payloads.Order()).JsonTypeInfo.SerializeHandler!;

    /// <summary>The first event's data alone, through System.Text.Json's generated fast path.</summary>
    public int DataOnlyStj()
    {
        _buffer.Clear();
        using var writer = new Utf8JsonWriter(_buffer, Unvalidated);
        if (Body == Body.AccountCreated)
        {
            HandWrittenJson.Default.AccountCreated.SerializeHandler!(writer, _accountEnvelopes[0].Data);
        }
        else
        {
            HandWrittenJson.Default.OrderPlaced.SerializeHandler!(writer, _orderEnvelopes[0].Data);
        }

        writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>The STJ source-gen envelope type with the writer's validation off (as JsonSerializer's own writers are).</summary>
    public int StjSourceGenEnvelopeTypeUnvalidated()
    {
        _buffer.Clear();
        using var writer = new Utf8JsonWriter(_buffer, Unvalidated);
        if (Body == Body.AccountCreated)
        {
            JsonSerializer.Serialize(writer, _accountEnvelopes, HandWrittenJson.Default.ListEnvelopeAccountCreated);
        }
        else
        {
            JsonSerializer.Serialize(writer, _orderEnvelopes, HandWrittenJson.Default.ListEnvelopeOrderPlaced);
        }

        writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>
    /// The envelope written by hand with <see cref="Utf8JsonWriter"/>, the data with the hand-written
    /// context: the fastest code a user could write, without any of the library's checks.
    /// </summary>
    [Benchmark(Description = "STJ source-gen, envelope by hand")]
    public int StjSourceGenEnvelopeByHand()
    {
        _buffer.Clear();
        using var writer = new Utf8JsonWriter(_buffer, BaselineSettings.WriterOptions);
        writer.WriteStartArray();
        if (Body == Body.AccountCreated)
        {
            foreach (var e in _accountEnvelopes)
            {
                writer.WriteStartObject();
                writer.WriteString(Names.Name, e.Name);
                writer.WritePropertyName(Names.Data);
                JsonSerializer.Serialize(writer, e.Data, HandWrittenJson.Default.AccountCreated);
                writer.WriteStartObject(Names.User);
                writer.WriteString(Names.ExternalId, e.User!.ExternalId);
                writer.WriteString(Names.Email, e.User.Email);
                writer.WriteEndObject();
                writer.WriteNumber(Names.Ts, e.Ts);
                writer.WriteEndObject();
            }
        }
        else
        {
            foreach (var e in _orderEnvelopes)
            {
                writer.WriteStartObject();
                writer.WriteString(Names.Name, e.Name);
                writer.WritePropertyName(Names.Data);
                JsonSerializer.Serialize(writer, e.Data, HandWrittenJson.Default.OrderPlaced);
                writer.WriteNumber(Names.Ts, e.Ts);
                writer.WriteString(Names.V, e.Version);
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
        writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>The same envelope type with System.Text.Json's reflection-based metadata.</summary>
    [Benchmark(Description = "STJ reflection")]
    public int StjReflection()
    {
        _buffer.Clear();
        using var writer = new Utf8JsonWriter(_buffer, BaselineSettings.WriterOptions);
        if (Body == Body.AccountCreated)
        {
            JsonSerializer.Serialize(writer, _accountEnvelopes, BaselineSettings.Reflection);
        }
        else
        {
            JsonSerializer.Serialize(writer, _orderEnvelopes, BaselineSettings.Reflection);
        }

        writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>The same envelope type with Newtonsoft.Json, into a reused <see cref="MemoryStream"/>.</summary>
    [Benchmark(Description = "Newtonsoft.Json")]
    public long NewtonsoftJson()
    {
        _stream.SetLength(0);
        using (var text = new StreamWriter(_stream, Utf8NoBom, 16 * 1024, leaveOpen: true))
        using (var json = new Newtonsoft.Json.JsonTextWriter(text) { CloseOutput = false })
        {
            if (Body == Body.AccountCreated)
            {
                BaselineSettings.NewtonsoftSerializer.Serialize(json, _accountEnvelopes);
            }
            else
            {
                BaselineSettings.NewtonsoftSerializer.Serialize(json, _orderEnvelopes);
            }
        }

        return _stream.Length;
    }

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Runs every variant once and fails unless they all wrote the library's JSON.</summary>
    private void Verify()
    {
        Generated();
        var expected = _buffer.WrittenSpan.ToArray();
        var expectedNode = JsonNode.Parse(expected);
        Check("STJ source-gen, envelope type", StjSourceGenEnvelopeType, exactBytes: true);
        Check("STJ source-gen, envelope by hand", StjSourceGenEnvelopeByHand, exactBytes: true);
        Check("STJ reflection", StjReflection, exactBytes: true);
        NewtonsoftJson();
        var newtonsoft = _stream.ToArray();
        if (!JsonNode.DeepEquals(expectedNode, JsonNode.Parse(newtonsoft)))
        {
            throw new InvalidOperationException($"Newtonsoft.Json wrote different JSON for {Body}:\n{Encoding.UTF8.GetString(newtonsoft)[..Math.Min(600, newtonsoft.Length)]}\nexpected\n{Encoding.UTF8.GetString(expected)[..Math.Min(600, expected.Length)]}");
        }

        void Check(string name, Func<int> run, bool exactBytes)
        {
            run();
            var actual = _buffer.WrittenSpan;
            if (exactBytes && !actual.SequenceEqual(expected))
            {
                throw new InvalidOperationException($"{name} wrote different bytes for {Body}:\n{Encoding.UTF8.GetString(actual)[..Math.Min(600, actual.Length)]}\nexpected\n{Encoding.UTF8.GetString(expected)[..Math.Min(600, expected.Length)]}");
            }
        }
    }

    private static class Names
    {
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");
        public static readonly JsonEncodedText User = JsonEncodedText.Encode("user");
        public static readonly JsonEncodedText ExternalId = JsonEncodedText.Encode("external_id");
        public static readonly JsonEncodedText Email = JsonEncodedText.Encode("email");
        public static readonly JsonEncodedText Ts = JsonEncodedText.Encode("ts");
        public static readonly JsonEncodedText V = JsonEncodedText.Encode("v");
    }
}
