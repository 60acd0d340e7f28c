using System;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inngest;

/// <summary>
/// Reads the envelope of one received event by hand with <see cref="Utf8JsonReader"/>: <c>name</c>, <c>data</c> (its
/// position, or read inline through the sink), <c>id</c>, <c>ts</c>, <c>v</c> and <c>user</c>, in any order. Unknown
/// members (<c>meta</c>, anything newer) are skipped; a repeated member counts with its last value, as in System.Text.Json.
/// </summary>
internal static class EnvelopeReader
{
    // Inngest's own bounds for DateTimeOffset: FromUnixTimeMilliseconds throws outside them.
    private const long MinMilliseconds = -62_135_596_800_000;
    private const long MaxMilliseconds = 253_402_300_799_999;

    /// <summary>Reads the event object the reader is on (its StartObject) up to its EndObject.</summary>
    public static EnvelopeFields Read<TSink>(ref Utf8JsonReader reader, ParseContext context, ref TSink sink)
        where TSink : struct, IDataSink
    {
        var fields = EnvelopeFields.Empty;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                fields.Name = reader.TokenType == JsonTokenType.String
                    ? sink.ExpectedName is { } expected && reader.ValueTextEquals(expected) ? expected : reader.GetString()
                    : reader.TokenType == JsonTokenType.Null
                        ? null
                        : throw context.Error(InngestEventParseError.MissingName, null, context.PathOf("name"),
                            $"{context.Describe(null)}: its name is {Describe(reader.TokenType)}, not a string. Every event needs a name such as \"app/account.created\".");
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                ReadData(ref reader, context, ref sink, ref fields);
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                fields.Id = ReadOptionalString(ref reader, context, fields.Name, "id");
            }
            else if (reader.ValueTextEquals("ts"u8))
            {
                reader.Read();
                fields.Timestamp = ReadTimestamp(ref reader, context, fields.Name);
            }
            else if (reader.ValueTextEquals("v"u8))
            {
                reader.Read();
                var version = ReadOptionalString(ref reader, context, fields.Name, "v");
                fields.Version = string.IsNullOrEmpty(version) ? null : version;
            }
            else if (reader.ValueTextEquals("user"u8))
            {
                reader.Read();
                fields.User = ReadUser(ref reader, context, fields.Name);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return fields;
    }

    private static void ReadData<TSink>(ref Utf8JsonReader reader, ParseContext context, ref TSink sink, ref EnvelopeFields fields)
        where TSink : struct, IDataSink
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var start = checked((int)reader.TokenStartIndex);
                if (!sink.TryReadInline(ref reader, fields.Name))
                {
                    reader.Skip();
                }

                fields.DataStart = start;
                fields.DataLength = checked((int)reader.BytesConsumed) - start;
                break;
            case JsonTokenType.Null:
                // The Event API accepts "data": null and stores it as an empty object.
                fields.DataStart = -1;
                break;
            default:
                throw context.Error(InngestEventParseError.InvalidData, fields.Name, context.PathOf("data"),
                    $"{context.Describe(fields.Name)}: its data is {Describe(reader.TokenType)}; an event's data must be a JSON object.");
        }
    }

    private static string? ReadOptionalString(ref Utf8JsonReader reader, ParseContext context, string? name, string member)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            default:
                var path = context.PathOf(member);
                throw context.Error(InngestEventParseError.InvalidEnvelope, name, path,
                    $"{context.Describe(name)}: {path} is {Describe(reader.TokenType)}, not a string.");
        }
    }

    private static DateTimeOffset? ReadTimestamp(ref Utf8JsonReader reader, ParseContext context, string? name)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var path = context.PathOf("ts");
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var milliseconds))
        {
            var what = reader.TokenType == JsonTokenType.Number ? "a number that is not a whole number of milliseconds" : Describe(reader.TokenType);
            throw context.Error(InngestEventParseError.InvalidTimestamp, name, path,
                $"{context.Describe(name)}: {path} is {what}; Inngest sends ts as a whole number of milliseconds since the Unix epoch (for example 1715776200000).");
        }

        if (milliseconds == 0)
        {
            // What the SDKs and the server treat as "not set".
            return null;
        }

        if (milliseconds is < MinMilliseconds or > MaxMilliseconds)
        {
            throw context.Error(InngestEventParseError.InvalidTimestamp, name, path,
                $"{context.Describe(name)}: {path} is {milliseconds}, which is not a time DateTimeOffset can hold; Inngest sends ts in milliseconds since the Unix epoch.");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    private static InngestUser? ReadUser(ref Utf8JsonReader reader, ParseContext context, string? name)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw context.Error(InngestEventParseError.InvalidEnvelope, name, context.PathOf("user"),
                $"{context.Describe(name)}: {context.PathOf("user")} is {Describe(reader.TokenType)}, not an object.");
        }

        string? externalId = null, email = null, phone = null;
        JsonObject? attributes = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("external_id"u8))
            {
                reader.Read();
                externalId = ReadOptionalString(ref reader, context, name, "user.external_id");
            }
            else if (reader.ValueTextEquals("email"u8))
            {
                reader.Read();
                email = ReadOptionalString(ref reader, context, name, "user.email");
            }
            else if (reader.ValueTextEquals("phone"u8))
            {
                reader.Read();
                phone = ReadOptionalString(ref reader, context, name, "user.phone");
            }
            else
            {
                var key = reader.GetString()!;
                reader.Read();
                (attributes ??= new JsonObject())[key] = JsonNode.Parse(ref reader);
            }
        }

        return new InngestUser { ExternalId = externalId, Email = email, Phone = phone, Attributes = attributes };
    }

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "not a JSON value",
    };
}
