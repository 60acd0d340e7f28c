using System.Text.Json;

namespace Inngest.Encryption;

/// <summary>
/// The marker object the official middleware puts in place of an encrypted value:
/// <c>{"__ENCRYPTED__":true,"__STRATEGY__":"inngest/libsodium","data":"&lt;base64&gt;"}</c>.
/// </summary>
internal static class EncryptedValue
{
    public const string EncryptedMarker = "__ENCRYPTED__";
    public const string StrategyMarker = "__STRATEGY__";
    public const string DataProperty = "data";
    public const string LibsodiumStrategy = "inngest/libsodium";

    public static readonly JsonEncodedText EncryptedMarkerName = JsonEncodedText.Encode(EncryptedMarker);
    public static readonly JsonEncodedText StrategyMarkerName = JsonEncodedText.Encode(StrategyMarker);
    public static readonly JsonEncodedText DataPropertyName = JsonEncodedText.Encode(DataProperty);

    /// <summary>True when <paramref name="value"/> carries <c>"__ENCRYPTED__": true</c>, whatever the strategy.</summary>
    public static bool IsMarked(JsonElement value)
        => value.ValueKind == JsonValueKind.Object
           && value.TryGetProperty(EncryptedMarker, out var marker)
           && marker.ValueKind == JsonValueKind.True;

    public static void Write(Utf8JsonWriter writer, string base64)
    {
        writer.WriteStartObject();
        writer.WriteBoolean(EncryptedMarkerName, true);
        writer.WriteString(StrategyMarkerName, LibsodiumStrategy);
        writer.WriteString(DataPropertyName, base64);
        writer.WriteEndObject();
    }
}
