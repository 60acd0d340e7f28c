using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sodium;

namespace Inngest.Encryption;

/// <summary>
/// The <c>inngest/libsodium</c> strategy of <c>@inngest/middleware-encryption</c> 2.x: encrypts one top-level field of
/// an event's <c>data</c> and decrypts what that middleware (or this class) encrypted, trying the key and then each
/// fallback key. Thread-safe; create one per configuration and reuse it.
/// </summary>
/// <remarks>
/// A value is encrypted as libsodium <c>crypto_secretbox</c> (XSalsa20-Poly1305) of its compact JSON text, with a
/// random 24-byte nonce and the key BLAKE2b-256(UTF-8 of the trimmed key string), and replaced by
/// <c>{"__ENCRYPTED__":true,"__STRATEGY__":"inngest/libsodium","data":"&lt;base64 of nonce, MAC, ciphertext&gt;"}</c>.
/// See docs/encryption.md.
/// </remarks>
public sealed class InngestEventEncryption
{
    private const int KeyBytes = 32;
    private const int NonceBytes = 24;
    private const int MacBytes = 16;
    private const int MaxShownStrategyLength = 64;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Like JSON.stringify: compact, non-ASCII written as it is.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    // Derived keys only; the key strings are not kept.
    private readonly byte[][] _keys;

    /// <summary>Creates the strategy from <paramref name="options"/>; the key strings are hashed and not kept.</summary>
    /// <param name="options">The key, fallback keys and field name.</param>
    /// <exception cref="ArgumentException">No key is set, or the field name is empty.</exception>
    public InngestEventEncryption(InngestEncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Key))
        {
            throw new ArgumentException(
                $"No encryption key is set. Set InngestEncryptionOptions.Key, or the environment variable {InngestEncryptionOptions.KeyVariable} and use InngestEncryptionOptions.FromEnvironment().",
                nameof(options));
        }

        if (string.IsNullOrEmpty(options.FieldName))
        {
            throw new ArgumentException(
                $"InngestEncryptionOptions.FieldName is empty. Leave it at '{InngestEncryptionOptions.DefaultFieldName}' (the official middleware's default) or set the field your functions expect.",
                nameof(options));
        }

        FieldName = options.FieldName;
        var keys = new List<byte[]> { DeriveKey(options.Key) };
        foreach (var fallback in options.FallbackKeys)
        {
            if (!string.IsNullOrWhiteSpace(fallback))
            {
                keys.Add(DeriveKey(fallback));
            }
        }

        _keys = keys.ToArray();
    }

    /// <summary>The top-level field of <c>data</c> that <see cref="EncryptData(JsonElement)"/> encrypts.</summary>
    public string FieldName { get; }

    /// <summary>Returns <paramref name="data"/> with the value of <see cref="FieldName"/> encrypted; other fields are kept as they are.</summary>
    /// <param name="data">An event's <c>data</c> object.</param>
    /// <returns>
    /// The new data; <paramref name="data"/> itself when it has no such field, or when that field already holds an
    /// <c>inngest/libsodium</c> value (an event forwarded as it was received is not encrypted twice).
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="data"/> is not a JSON object.</exception>
    public JsonElement EncryptData(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"Event data must be a JSON object to encrypt its '{FieldName}' field, but it is {data.ValueKind}.", nameof(data));
        }

        return TryEncryptData(data, out var encrypted) ? encrypted : data;
    }

    /// <summary>Encrypts the field of the object <paramref name="data"/>; false when there is nothing to encrypt.</summary>
    internal bool TryEncryptData(JsonElement data, out JsonElement encrypted)
    {
        if (!data.TryGetProperty(FieldName, out var field) || IsLibsodiumValue(field))
        {
            encrypted = data;
            return false;
        }

        encrypted = Rewrite(data, property => property.NameEquals(FieldName) ? Seal(property.Value) : null);
        return true;
    }

    /// <summary>Encrypts one value: returns the <c>{"__ENCRYPTED__":true,...}</c> object that replaces it.</summary>
    /// <param name="value">Any JSON value (object, array, string, number, boolean or null).</param>
    public JsonElement EncryptValue(JsonElement value) => Parse(Seal(value));

    /// <summary>
    /// Returns a received event's <paramref name="data"/> with every top-level field that holds an encrypted value
    /// replaced by its plaintext, as the official middleware does before a function runs; other fields are kept.
    /// Data that is itself an encrypted value (an invoke payload encrypted whole, which inngest-py reads) is replaced
    /// by its plaintext object, merged with the plaintext fields beside the marker (such as <c>_inngest</c>).
    /// </summary>
    /// <param name="data">An event's <c>data</c> object as received.</param>
    /// <exception cref="ArgumentException"><paramref name="data"/> is not a JSON object.</exception>
    /// <exception cref="InngestDecryptionException">An encrypted field cannot be decrypted; the message names the field.</exception>
    public JsonElement DecryptData(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"Event data must be a JSON object to decrypt, but it is {data.ValueKind}.", nameof(data));
        }

        if (EncryptedValue.IsMarked(data))
        {
            return OpenWholeData(data);
        }

        return Rewrite(data, property => EncryptedValue.IsMarked(property.Value) ? OpenField(property.Name, property.Value) : null);
    }

    /// <summary>The <see cref="JsonObject"/> form of <see cref="DecryptData(JsonElement)"/>; returns a new object.</summary>
    /// <param name="data">An event's <c>data</c> object as received.</param>
    /// <exception cref="InngestDecryptionException">An encrypted field cannot be decrypted; the message names the field.</exception>
    public JsonObject DecryptData(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var document = JsonDocument.Parse(data.ToJsonString());
        return JsonNode.Parse(DecryptData(document.RootElement).GetRawText())!.AsObject();
    }

    /// <summary>Decrypts one <c>{"__ENCRYPTED__":true,"__STRATEGY__":"inngest/libsodium","data":...}</c> value.</summary>
    /// <param name="encrypted">The encrypted marker object.</param>
    /// <returns>The plaintext JSON value.</returns>
    /// <exception cref="InngestDecryptionException">
    /// The value is not in that format (for example the legacy AES format, or another strategy), is damaged, or no
    /// configured key opens it.
    /// </exception>
    public JsonElement DecryptValue(JsonElement encrypted) => Parse(Open(encrypted, null));

    /// <summary>Describes the strategy without any key.</summary>
    public override string ToString() => $"InngestEventEncryption {{ Strategy = {EncryptedValue.LibsodiumStrategy}, FieldName = {FieldName}, Keys = {_keys.Length} }}";

    /// <summary>Whether <paramref name="value"/> is an encrypted value this strategy reads.</summary>
    internal static bool IsLibsodiumValue(JsonElement value)
        => EncryptedValue.IsMarked(value)
           && value.TryGetProperty(EncryptedValue.StrategyMarker, out var strategy)
           && strategy.ValueKind == JsonValueKind.String
           && strategy.ValueEquals(EncryptedValue.LibsodiumStrategy);

    private static byte[] DeriveKey(string key)
    {
        try
        {
            return GenericHash.Hash(Encoding.UTF8.GetBytes(key.Trim()), null, KeyBytes);
        }
        catch (Exception ex) when (ex is DllNotFoundException or PlatformNotSupportedException or TypeInitializationException or EntryPointNotFoundException)
        {
            // The first libsodium call of the process: Sodium.Core's own message does not say what to deploy.
            throw new PlatformNotSupportedException(
                $"libsodium's native library could not be loaded for {RuntimeInformation.RuntimeIdentifier}. Deploy it with the application: "
                + "the libsodium NuGet package (a dependency of Inngest.Typed.Encryption) ships runtimes/<rid>/native/libsodium.so (libsodium.dylib, libsodium.dll), "
                + "which dotnet publish puts next to the application when it is published for a runtime identifier (-r linux-x64, ...). See docs/encryption.md, \"Native AOT\".",
                ex);
        }
    }

    private static JsonElement Parse(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static byte[] Compact(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            value.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes <paramref name="data"/> again, with the properties for which <paramref name="replace"/> gives JSON replaced.</summary>
    private static JsonElement Rewrite(JsonElement data, Func<JsonProperty, byte[]?> replace)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var property in data.EnumerateObject())
            {
                var replacement = replace(property);
                if (replacement is null)
                {
                    property.WriteTo(writer);
                }
                else
                {
                    writer.WritePropertyName(property.Name);
                    writer.WriteRawValue(replacement, skipInputValidation: true);
                }
            }

            writer.WriteEndObject();
        }

        return Parse(buffer.WrittenSpan.ToArray());
    }

    /// <summary>Encrypts the compact JSON of <paramref name="value"/> and returns the marker object's JSON.</summary>
    private byte[] Seal(JsonElement value)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var box = SecretBox.Create(Compact(value), nonce, _keys[0]);
        var combined = new byte[NonceBytes + box.Length];
        nonce.CopyTo(combined, 0);
        box.CopyTo(combined, NonceBytes);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            EncryptedValue.Write(writer, Convert.ToBase64String(combined));
        }

        return buffer.WrittenSpan.ToArray();
    }

    private byte[] OpenField(string name, JsonElement value) => Open(value, name);

    /// <summary>Decrypts data that is itself the marker: its plaintext object's fields, after the plaintext fields beside the marker that it does not replace.</summary>
    private JsonElement OpenWholeData(JsonElement data)
    {
        var plain = Parse(Open(data, field: null));
        if (plain.ValueKind != JsonValueKind.Object)
        {
            throw new InngestDecryptionException($"The event data is an encrypted value whose plaintext is {plain.ValueKind}, not a JSON object.");
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var property in data.EnumerateObject())
            {
                if (!property.NameEquals(EncryptedValue.EncryptedMarker) && !property.NameEquals(EncryptedValue.StrategyMarker)
                    && !property.NameEquals(EncryptedValue.DataProperty) && !plain.TryGetProperty(property.Name, out _))
                {
                    property.WriteTo(writer);
                }
            }

            foreach (var property in plain.EnumerateObject())
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Parse(buffer.WrittenSpan.ToArray());
    }

    /// <summary>Returns the plaintext JSON bytes of an encrypted value; <paramref name="field"/> names it in messages.</summary>
    private byte[] Open(JsonElement encrypted, string? field)
    {
        var what = field is null ? "The value" : $"The encrypted field '{field}'";
        if (!EncryptedValue.IsMarked(encrypted))
        {
            throw new InngestDecryptionException($"{what} is not an encrypted value: it needs \"{EncryptedValue.EncryptedMarker}\": true.");
        }

        if (!encrypted.TryGetProperty(EncryptedValue.StrategyMarker, out var strategy))
        {
            throw new InngestDecryptionException(
                $"{what} has no \"{EncryptedValue.StrategyMarker}\": it was written by the legacy AES strategy (v0) of @inngest/middleware-encryption, which this package does not read. Re-send it from a sender using the inngest/libsodium strategy (the middleware's default since 1.0). See docs/encryption.md.");
        }

        if (strategy.ValueKind != JsonValueKind.String || !strategy.ValueEquals(EncryptedValue.LibsodiumStrategy))
        {
            var shown = strategy.ValueKind == JsonValueKind.String ? strategy.GetString()! : strategy.ValueKind.ToString();
            if (shown.Length > MaxShownStrategyLength)
            {
                shown = shown.Substring(0, MaxShownStrategyLength) + "…";
            }

            throw new InngestDecryptionException(
                $"{what} uses the strategy '{shown}'; this package reads only '{EncryptedValue.LibsodiumStrategy}'. Configure the sender's middleware with the default libsodium strategy.");
        }

        if (!encrypted.TryGetProperty(EncryptedValue.DataProperty, out var data) || data.ValueKind != JsonValueKind.String)
        {
            throw new InngestDecryptionException($"{what} has no \"{EncryptedValue.DataProperty}\" string holding the ciphertext.");
        }

        byte[] combined;
        try
        {
            combined = Convert.FromBase64String(data.GetString()!);
        }
        catch (FormatException ex)
        {
            throw new InngestDecryptionException($"{what}: \"{EncryptedValue.DataProperty}\" is not standard padded Base64, so it was damaged on the way.", ex);
        }

        if (combined.Length < NonceBytes + MacBytes)
        {
            throw new InngestDecryptionException(
                $"{what} is {combined.Length} bytes long, shorter than a 24-byte nonce and a 16-byte MAC: it is truncated.");
        }

        var nonce = combined.AsSpan(0, NonceBytes).ToArray();
        var box = combined.AsSpan(NonceBytes).ToArray();
        foreach (var key in _keys)
        {
            try
            {
                return SecretBox.Open(box, nonce, key);
            }
            catch (CryptographicException)
            {
                // Wrong key or tampered ciphertext: try the next key.
            }
        }

        throw new InngestDecryptionException(
            $"{what} cannot be decrypted with any of the {_keys.Length} configured key(s): it was encrypted with another key (during a rotation, add the old key to InngestEncryptionOptions.FallbackKeys) or its ciphertext was changed.");
    }
}
