using System;
using System.Text.Json;

namespace Inngest;

/// <summary>
/// Tells whether a top-level field of received data still holds an encrypted value (an object with
/// <c>"__ENCRYPTED__": true</c>, whatever the strategy), without building a document: the runtime knows the marker, not
/// the cipher, which lives in <c>Inngest.Typed.Encryption</c>.
/// </summary>
internal static class EncryptedFieldProbe
{
    private static ReadOnlySpan<byte> Marker => "__ENCRYPTED__"u8;

    public static bool IsStillEncrypted(ReadOnlySpan<byte> data, string field)
    {
        var reader = new Utf8JsonReader(data, new JsonReaderOptions { MaxDepth = 256 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isField = reader.ValueTextEquals(field);
            reader.Read();
            if (isField)
            {
                return reader.TokenType == JsonTokenType.StartObject && HasTrueMarker(ref reader);
            }

            reader.Skip();
        }

        return false;
    }

    // On the field's StartObject: looks for "__ENCRYPTED__": true among its own members.
    private static bool HasTrueMarker(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMarker = reader.ValueTextEquals(Marker);
            reader.Read();
            if (isMarker)
            {
                return reader.TokenType == JsonTokenType.True;
            }

            reader.Skip();
        }

        return false;
    }
}
