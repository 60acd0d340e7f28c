using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Inngest;

/// <summary>Parses one event or a batch from UTF-8 bytes: the top-level structure around <see cref="EnvelopeReader"/>.</summary>
internal static class ReceivedEventParser
{
    public static InngestEvent<T> ParseTyped<T>(ReadOnlySpan<byte> json, ParseContext context)
        where T : IInngestEventData<T>
    {
        var reader = new Utf8JsonReader(json, context.ReaderOptions);
        try
        {
            ExpectStart(ref reader, context, JsonTokenType.StartObject);
            var result = ReadTyped<T>(ref reader, json, context);
            ExpectEnd(ref reader);
            return result;
        }
        catch (JsonException ex)
        {
            throw InvalidJson(context, ex);
        }
    }

    public static InngestEvent ParseUntyped(ReadOnlySpan<byte> json, ParseContext context)
    {
        var reader = new Utf8JsonReader(json, context.ReaderOptions);
        try
        {
            ExpectStart(ref reader, context, JsonTokenType.StartObject);
            var result = ReadUntyped(ref reader, json, context);
            ExpectEnd(ref reader);
            return result;
        }
        catch (JsonException ex)
        {
            throw InvalidJson(context, ex);
        }
    }

    public static IReadOnlyList<InngestEvent<T>> ParseTypedBatch<T>(ReadOnlySpan<byte> json, ParseContext context)
        where T : IInngestEventData<T>
    {
        var reader = new Utf8JsonReader(json, context.ReaderOptions);
        var events = new List<InngestEvent<T>>();
        try
        {
            ExpectStart(ref reader, context, JsonTokenType.StartArray);
            while (NextElement(ref reader, context, events.Count))
            {
                events.Add(ReadTyped<T>(ref reader, json, context));
            }

            ExpectEnd(ref reader);
        }
        catch (JsonException ex)
        {
            throw InvalidJson(context, ex);
        }

        return events;
    }

    public static IReadOnlyList<InngestEvent> ParseUntypedBatch(ReadOnlySpan<byte> json, ParseContext context)
    {
        var reader = new Utf8JsonReader(json, context.ReaderOptions);
        var events = new List<InngestEvent>();
        try
        {
            ExpectStart(ref reader, context, JsonTokenType.StartArray);
            while (NextElement(ref reader, context, events.Count))
            {
                events.Add(ReadUntyped(ref reader, json, context));
            }

            ExpectEnd(ref reader);
        }
        catch (JsonException ex)
        {
            throw InvalidJson(context, ex);
        }

        return events;
    }

    private static InngestEvent<T> ReadTyped<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, ParseContext context)
        where T : IInngestEventData<T>
    {
        var sink = new TypedEventReader.Sink<T>(context);
        var fields = EnvelopeReader.Read(ref reader, context, ref sink);
        return TypedEventReader.Finish(fields, json, ref sink, context);
    }

    private static InngestEvent ReadUntyped(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, ParseContext context)
    {
        var sink = default(NoDataSink);
        var fields = EnvelopeReader.Read(ref reader, context, ref sink);
        var name = fields.Name ?? throw TypedEventReader.MissingName(context);
        if (context.Registry.Find(name, fields.Version, context) is { } registration)
        {
            return registration.Read(fields, json, context, name);
        }

        // No registered type: the event comes back as it is, its data (after the hooks) as raw JSON.
        var data = fields.Data(json);
        if (context.HasHooks)
        {
            data = context.ApplyHooks(name, fields, data);
        }

        JsonElement element;
        using (var document = JsonDocument.Parse(data.ToArray()))
        {
            element = document.RootElement.Clone();
        }

        return new JsonInngestEvent(name, element)
        {
            Id = fields.Id,
            Timestamp = fields.Timestamp,
            Version = fields.Version,
            User = fields.User,
            ReceivedVersion = fields.Version,
        };
    }

    private static void ExpectStart(ref Utf8JsonReader reader, ParseContext context, JsonTokenType expected)
    {
        if (!reader.Read())
        {
            throw context.Error(InngestEventParseError.InvalidJson, null, "$", "The input is empty; pass the JSON of an event" + (expected == JsonTokenType.StartArray ? " array." : "."));
        }

        if (reader.TokenType != expected)
        {
            var what = expected == JsonTokenType.StartArray ? "an array of events (as functions with batchEvents receive them)" : "an event object such as {\"name\":\"app/account.created\",\"data\":{...}}";
            throw context.Error(InngestEventParseError.InvalidJson, null, "$",
                $"The input is {EnvelopeReader.Describe(reader.TokenType)}; expected {what}.");
        }
    }

    private static bool NextElement(ref Utf8JsonReader reader, ParseContext context, int index)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            return false;
        }

        context.Index = index;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw context.Error(InngestEventParseError.InvalidJson, null, context.EventPath,
                $"Event {index} of the batch is {EnvelopeReader.Describe(reader.TokenType)}, not an event object.");
        }

        return true;
    }

    // Anything after the value other than whitespace makes Read throw: the input must be one JSON value.
    private static void ExpectEnd(ref Utf8JsonReader reader) => reader.Read();

    private static InngestEventParseException InvalidJson(ParseContext context, JsonException ex)
        => context.Error(InngestEventParseError.InvalidJson, null, ex.Path,
            $"The input is not well-formed JSON ({ex.Message}). Pass the event exactly as it was received.", ex);
}
