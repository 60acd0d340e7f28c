using System.Collections.Generic;
using System.Text.Json;

namespace Inngest;

/// <summary>The parts of an Event API answer the client reads: <c>{"ids":[...],"status":200,"error":"..."}</c>.</summary>
internal readonly record struct ResponseBody(bool IsJson, IReadOnlyList<string>? Ids, string? Error)
{
    /// <param name="body">The answer's bytes.</param>
    /// <param name="expectedIds">How many ids the request asks for: the id list's starting capacity (no regrowth for a right answer).</param>
    public static ResponseBody Parse(System.ReadOnlySpan<byte> body, int expectedIds = 0)
    {
        if (body.IsEmpty)
        {
            return default;
        }

        try
        {
            // Strict JSON, as the server's encoder writes it: the reader's comment-skipping mode takes a slower path for
            // every token, and an answer with comments is no Event API answer (it counts as not JSON).
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip(); // a JSON value other than an object; throws when the text is not JSON
                return reader.Read() ? default : new ResponseBody(true, null, null);
            }

            List<string>? ids = null;
            string? error = null;
            string? message = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isIds = reader.ValueTextEquals("ids"u8);
                var isError = !isIds && reader.ValueTextEquals("error"u8);
                var isMessage = !isIds && !isError && reader.ValueTextEquals("message"u8);
                reader.Read();
                if (isIds && reader.TokenType == JsonTokenType.StartArray)
                {
                    ids = new List<string>(expectedIds);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType != JsonTokenType.String)
                        {
                            return new ResponseBody(true, null, error ?? message);
                        }

                        ids.Add(reader.GetString()!);
                    }
                }
                else if ((isError || isMessage) && reader.TokenType == JsonTokenType.String)
                {
                    var text = reader.GetString();
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        if (isError)
                        {
                            error = text;
                        }
                        else
                        {
                            message = text;
                        }
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            return new ResponseBody(true, ids, error ?? message);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
