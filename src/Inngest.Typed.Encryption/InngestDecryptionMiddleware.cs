using System;
using System.Text.Json;

namespace Inngest.Encryption;

/// <summary>
/// A receive middleware that decrypts the configured field of every received event's <c>data</c> with
/// <see cref="InngestEventEncryption"/> before it is deserialized, so <see cref="InngestEvent.Parse{T}(string, InngestParseOptions?)"/>
/// gives back the plaintext record, whether this package or <c>@inngest/middleware-encryption</c> encrypted it.
/// Events without an encrypted field are read unchanged.
/// </summary>
/// <remarks>
/// A value that does not decrypt (a wrong key, tampered text, another strategy) fails the parse with an
/// <see cref="InngestEventParseException"/> whose inner exception is the <see cref="InngestDecryptionException"/>
/// that says why; the key never appears in either.
/// </remarks>
public sealed class InngestDecryptionMiddleware : InngestReceiveMiddleware
{
    /// <summary>Creates the middleware from options (see <see cref="InngestEncryptionOptions"/>).</summary>
    /// <param name="options">The key, fallback keys and field name.</param>
    /// <exception cref="ArgumentException">No key is set, or the field name is empty.</exception>
    public InngestDecryptionMiddleware(InngestEncryptionOptions options)
        : this(new InngestEventEncryption(options))
    {
    }

    /// <summary>Creates the middleware around an existing strategy instance (the one the sending side uses, for example).</summary>
    /// <param name="encryption">The strategy that decrypts.</param>
    public InngestDecryptionMiddleware(InngestEventEncryption encryption)
    {
        Encryption = encryption ?? throw new ArgumentNullException(nameof(encryption));
    }

    /// <summary>The strategy this middleware decrypts with.</summary>
    public InngestEventEncryption Encryption { get; }

    /// <inheritdoc />
    public override JsonElement TransformData(JsonElement data, InngestReceiveMiddlewareContext context)
        => data.ValueKind == JsonValueKind.Object ? Encryption.DecryptData(data) : data;

    /// <summary>Describes the middleware without any key.</summary>
    public override string ToString() => $"InngestDecryptionMiddleware {{ {Encryption} }}";
}
