using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Inngest.Internal;

namespace Inngest;

/// <summary>
/// Writes the events of request bodies (a JSON array of <c>{name, data, user?, id?, ts, v?}</c> objects, compact
/// UTF-8, with pre-encoded property names, into a pooled buffer). Checks each event against the
/// rules the server enforces while it writes, so a bad event fails before any request.
/// </summary>
internal static class EnvelopeWriter
{
    private static readonly JsonEncodedText NameProperty = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText DataProperty = JsonEncodedText.Encode("data");
    private static readonly JsonEncodedText UserProperty = JsonEncodedText.Encode("user");
    private static readonly JsonEncodedText IdProperty = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText TsProperty = JsonEncodedText.Encode("ts");
    private static readonly JsonEncodedText VersionProperty = JsonEncodedText.Encode("v");
    private static readonly JsonEncodedText ExternalIdProperty = JsonEncodedText.Encode("external_id");
    private static readonly JsonEncodedText EmailProperty = JsonEncodedText.Encode("email");
    private static readonly JsonEncodedText PhoneProperty = JsonEncodedText.Encode("phone");

    /// <summary>The earliest <c>ts</c> the server accepts: 1980-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset MinTimestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The latest <c>ts</c> the server accepts: 2100-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset MaxTimestamp = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Non-ASCII text is written as it is (smaller, and what the official SDKs send); quotes, control
    /// characters and lone surrogates are still escaped or rejected. The body is never embedded in HTML.
    /// </summary>
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    private const int SeedEntropyBytes = 10;

    /// <summary>Random bytes for the next seeds of this thread, from the system's CSPRNG, taken 10 at a time.</summary>
    [ThreadStatic]
    private static byte[]? t_entropy;

    [ThreadStatic]
    private static int t_entropyUsed;

    /// <summary>
    /// Creates the <c>x-inngest-event-id-seed</c> value: <c>{unix ms},{base64 of 10 random bytes}</c>. The bytes come
    /// from <see cref="RandomNumberGenerator"/> in blocks of 64 seeds (one system call per block instead of per request;
    /// a seed is sent in the clear, so nothing is weakened by drawing it early), and the text is made in one allocation.
    /// </summary>
    public static string CreateSeed(long unixMilliseconds)
    {
        var entropy = t_entropy ??= new byte[SeedEntropyBytes * 64];
        if (t_entropyUsed == 0 || t_entropyUsed >= entropy.Length)
        {
            RandomNumberGenerator.Fill(entropy);
            t_entropyUsed = 0;
        }

        var bytes = entropy.AsSpan(t_entropyUsed, SeedEntropyBytes);
        t_entropyUsed += SeedEntropyBytes;
        Span<char> text = stackalloc char[20 + 1 + 16];
        unixMilliseconds.TryFormat(text, out var digits, provider: System.Globalization.CultureInfo.InvariantCulture);
        text[digits] = ',';
        Convert.TryToBase64Chars(bytes, text.Slice(digits + 1), out var base64);
        var seed = new string(text.Slice(0, digits + 1 + base64));
        bytes.Clear(); // drawn once: never handed out again
        return seed;
    }

    /// <summary>
    /// The options of bodies whose every event is of a generated type: the envelope's structure and the data's (the
    /// generated fast path) are this library's own code, so the writer does not re-check them token by token, as
    /// System.Text.Json's own serializer does not. Escaping, the depth limit and every check of <see cref="WriteEvent"/>
    /// stay the same.
    /// </summary>
    internal static readonly JsonWriterOptions TrustedWriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    [ThreadStatic]
    private static Utf8JsonWriter? t_checkedWriter;

    [ThreadStatic]
    private static Utf8JsonWriter? t_trustedWriter;

    /// <summary>
    /// Whether every event of <paramref name="events"/> is written through its type's pre-encoded name and generated
    /// metadata with the default resolver, so the body may be written with <see cref="TrustedWriterOptions"/>.
    /// </summary>
    public static bool IsTrusted(IReadOnlyList<InngestEvent> events, JsonMetadataResolver resolver)
    {
        if (!resolver.IsDefault)
        {
            return false;
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is not { Encoding: not null })
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A writer for one body, reused per thread (a body is written synchronously; a nested send from a getter or a
    /// converter finds the slot empty and gets its own). <see cref="BeginBody"/> points it at its body; give it back
    /// with <see cref="ReturnWriter"/>.
    /// </summary>
    public static Utf8JsonWriter RentWriter(PooledBufferWriter buffer, bool trusted)
    {
        var writer = trusted ? t_trustedWriter : t_checkedWriter;
        if (writer is null)
        {
            return new Utf8JsonWriter(buffer, trusted ? TrustedWriterOptions : WriterOptions);
        }

        if (trusted)
        {
            t_trustedWriter = null;
        }
        else
        {
            t_checkedWriter = null;
        }

        return writer;
    }

    /// <summary>Puts a writer from <see cref="RentWriter"/> back for the thread's next body.</summary>
    public static void ReturnWriter(Utf8JsonWriter writer, bool trusted)
    {
        if (trusted)
        {
            t_trustedWriter = writer;
        }
        else
        {
            t_checkedWriter = writer;
        }
    }

    /// <summary>Starts a body's array in the empty <paramref name="buffer"/>; its events follow through <see cref="WriteEvent"/>.</summary>
    public static void BeginBody(Utf8JsonWriter writer, PooledBufferWriter buffer)
    {
        writer.Reset(buffer);
        writer.WriteStartArray();
    }

    /// <summary>Ends the body's array and commits every byte to the buffer.</summary>
    public static void EndBody(Utf8JsonWriter writer)
    {
        writer.WriteEndArray();
        writer.Flush();
    }

    /// <summary>
    /// The body offset of the next byte <paramref name="writer"/> writes, committed or not (the writer was reset onto
    /// the empty body by <see cref="BeginBody"/>): measuring events needs no flush.
    /// </summary>
    public static int Position(Utf8JsonWriter writer) => checked((int)(writer.BytesCommitted + writer.BytesPending));

    /// <summary>
    /// Writes event <paramref name="index"/> as the next element of the body's array (the writer adds the comma) and
    /// checks it, without flushing. <c>defaultTimestampMs</c> is the <c>ts</c> of events without a timestamp: the send
    /// call's time.
    /// </summary>
    /// <returns>The event's size in bytes (the object, without the comma before it).</returns>
    public static int WriteEvent(
        Utf8JsonWriter writer,
        PooledBufferWriter buffer,
        InngestEvent? evt,
        int index,
        long defaultTimestampMs,
        int maxEventBytes,
        JsonMetadataResolver resolver)
    {
        if (evt is null)
        {
            throw new InngestEventValidationException(index, null, $"Event {index} is null. Remove it or create it with InngestEvent.Create(...).");
        }

        var origin = WriteEnvelope(writer, buffer, evt, index, defaultTimestampMs, resolver);
        var written = buffer.Peek(origin, Position(writer));
        if (ContainsReplacedSurrogate(written))
        {
            throw new InngestEventValidationException(index, evt.Name,
                $"Event {index} ('{evt.Name}') holds a string with a lone surrogate (half of a UTF-16 pair, for example from cutting a string inside an emoji). It would arrive as U+FFFD; fix or remove the broken character.");
        }

        if (written.Length > maxEventBytes)
        {
            throw new InngestEventValidationException(index, evt.Name,
                $"Event {index} ('{evt.Name}') is {written.Length:N0} bytes when serialized; the limit is {maxEventBytes:N0} bytes (InngestClientOptions.MaxEventBytes). Send less data in the event, for example an id to look the rest up by.");
        }

        return written.Length;
    }

    /// <summary>
    /// Writes events <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> - 1 into the empty
    /// <paramref name="buffer"/> as one JSON array, without splitting by size: what <see cref="RequestBatcher"/> writes
    /// for a request that fits (the serialization benchmarks measure this).
    /// </summary>
    public static void WriteBody(PooledBufferWriter buffer, IReadOnlyList<InngestEvent> events, int start, int count, long defaultTimestampMs, int maxEventBytes, JsonMetadataResolver resolver)
    {
        var trusted = IsTrusted(events, resolver);
        var writer = RentWriter(buffer, trusted);
        try
        {
            BeginBody(writer, buffer);
            for (var i = start; i < start + count; i++)
            {
                WriteEvent(writer, buffer, events[i], i, defaultTimestampMs, maxEventBytes, resolver);
            }

            EndBody(writer);
        }
        finally
        {
            ReturnWriter(writer, trusted);
        }
    }

    /// <returns>The body offset of the event's <c>{</c>.</returns>
    private static int WriteEnvelope(Utf8JsonWriter writer, PooledBufferWriter buffer, InngestEvent evt, int index, long defaultTimestampMs, JsonMetadataResolver resolver)
    {
        // A generated type's name was checked by the analyzer and once more when its encoding was made.
        var encoding = evt.Encoding is { } pre && pre.Matches(evt.Name, evt.Version) ? pre : null;
        if (encoding is null)
        {
            var violation = EventNameRules.Check(evt.Name);
            if (violation != EventNameRules.Violation.None)
            {
                throw new InngestEventValidationException(index, evt.Name, $"Event {index}: {EventNameRules.Describe(violation, evt.Name)}");
            }
        }

        long ts;
        if (evt.Timestamp is { } timestamp)
        {
            if (timestamp < MinTimestamp || timestamp > MaxTimestamp)
            {
                throw new InngestEventValidationException(index, evt.Name,
                    $"Event {index} ('{evt.Name}') has the timestamp {timestamp:O}; Inngest accepts only times between 1980-01-01 and 2100-01-01. If you converted from Unix time, use DateTimeOffset.FromUnixTimeMilliseconds for milliseconds and FromUnixTimeSeconds for seconds.");
            }

            ts = timestamp.ToUnixTimeMilliseconds();
        }
        else
        {
            ts = defaultTimestampMs;
        }

        try
        {
            writer.WriteStartObject();
            var origin = Position(writer) - 1;
            if (encoding is not null)
            {
                writer.WriteString(NameProperty, encoding.Name);
            }
            else
            {
                writer.WriteString(NameProperty, evt.Name);
            }

            writer.WritePropertyName(DataProperty);
            var dataStart = Position(writer);
            evt.WriteData(writer, resolver);
            var data = buffer.Peek(dataStart, Position(writer));
            if (data.IsEmpty || data[0] != (byte)'{')
            {
                throw new InngestEventValidationException(index, evt.Name,
                    $"Event {index} ('{evt.Name}'): data must be a JSON object, but it serialized to {Describe(data)}. Wrap the value in an object, for example {{\"value\": ...}}.");
            }

            if (evt.User is { } user)
            {
                WriteUser(writer, user, index, evt.Name);
            }

            if (!string.IsNullOrEmpty(evt.Id))
            {
                writer.WriteString(IdProperty, evt.Id);
            }

            writer.WriteNumber(TsProperty, ts);
            if (encoding is not null)
            {
                if (encoding.Version is { } version)
                {
                    writer.WriteString(VersionProperty, version);
                }
            }
            else if (!string.IsNullOrEmpty(evt.Version))
            {
                writer.WriteString(VersionProperty, evt.Version);
            }

            writer.WriteEndObject();
            return origin;
        }
        catch (InngestEventValidationException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Whatever the serializer, a converter or a property getter throws: nothing has been sent yet, so the
            // call fails as invalid before any request instead of surfacing a raw exception.
            throw new InngestEventValidationException(index, evt.Name,
                $"Event {index} ('{evt.Name}') cannot be written as JSON: {ex.Message} Fix the value (for example a NaN or infinite number, a lone surrogate in a string, a reference cycle or nesting deeper than the serializer's MaxDepth), or register metadata for its type.", ex);
        }
    }

    private static void WriteUser(Utf8JsonWriter writer, InngestUser user, int index, string name)
    {
        writer.WriteStartObject(UserProperty);
        if (user.ExternalId is not null)
        {
            writer.WriteString(ExternalIdProperty, user.ExternalId);
        }

        if (user.Email is not null)
        {
            writer.WriteString(EmailProperty, user.Email);
        }

        if (user.Phone is not null)
        {
            writer.WriteString(PhoneProperty, user.Phone);
        }

        if (user.Attributes is { } attributes)
        {
            foreach (var pair in attributes)
            {
                if (pair.Key is "external_id" or "email" or "phone")
                {
                    throw new InngestEventValidationException(index, name,
                        $"Event {index} ('{name}'): the user attribute '{pair.Key}' duplicates a property of InngestUser. Set InngestUser.{(pair.Key == "external_id" ? "ExternalId" : pair.Key == "email" ? "Email" : "Phone")} instead.");
                }

                writer.WritePropertyName(pair.Key);
                if (pair.Value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    pair.Value.WriteTo(writer);
                }
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Utf8JsonWriter replaces a lone surrogate with the escape <c>\uFFFD</c>; with this writer's
    /// encoder a real U+FFFD is written raw, so that escape (not itself escaped) marks broken text.
    /// </summary>
    internal static bool ContainsReplacedSurrogate(ReadOnlySpan<byte> json)
    {
        // Most bodies hold no backslash at all: one vectorized search for it is the whole check.
        if (json.IndexOf((byte)'\\') < 0)
        {
            return false;
        }

        ReadOnlySpan<byte> marker = "\\uFFFD"u8;
        var offset = 0;
        while (true)
        {
            var found = json.Slice(offset).IndexOf(marker);
            if (found < 0)
            {
                return false;
            }

            var at = offset + found;
            var backslashes = 0;
            for (var j = at - 1; j >= 0 && json[j] == (byte)'\\'; j--)
            {
                backslashes++;
            }

            if (backslashes % 2 == 0)
            {
                return true;
            }

            offset = at + 1;
        }
    }

    private static string Describe(ReadOnlySpan<byte> json) => json.IsEmpty ? "nothing" : json[0] switch
    {
        (byte)'[' => "an array",
        (byte)'"' => "a string",
        (byte)'n' => "null",
        (byte)'t' or (byte)'f' => "a boolean",
        _ => "a number",
    };
}
