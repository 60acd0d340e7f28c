using System;

namespace Inngest.Encryption;

/// <summary>
/// A send middleware that encrypts the configured field of every outgoing event's <c>data</c> with
/// <see cref="InngestEventEncryption"/>, so functions using <c>@inngest/middleware-encryption</c> (TypeScript) or
/// inngest-py's encryption middleware with the same key read it. Events without that field are sent unchanged.
/// </summary>
public sealed class InngestEncryptionMiddleware : InngestSendMiddleware
{
    /// <summary>Creates the middleware from options (see <see cref="InngestEncryptionOptions"/>).</summary>
    /// <param name="options">The key, fallback keys and field name.</param>
    /// <exception cref="ArgumentException">No key is set, or the field name is empty.</exception>
    public InngestEncryptionMiddleware(InngestEncryptionOptions options)
        : this(new InngestEventEncryption(options))
    {
    }

    /// <summary>Creates the middleware around an existing strategy instance.</summary>
    /// <param name="encryption">The strategy that encrypts.</param>
    public InngestEncryptionMiddleware(InngestEventEncryption encryption)
    {
        Encryption = encryption ?? throw new ArgumentNullException(nameof(encryption));
    }

    /// <summary>The strategy this middleware encrypts with.</summary>
    public InngestEventEncryption Encryption { get; }

    /// <inheritdoc />
    public override InngestEvent TransformEvent(InngestEvent evt, InngestSendMiddlewareContext context)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(context);
        var data = context.SerializeData(evt);
        if (data.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            // Not an object: the envelope writer refuses it with its own message.
            return evt;
        }

        return Encryption.TryEncryptData(data, out var encrypted) ? context.ReplaceData(evt, encrypted) : evt;
    }

    /// <summary>True for the configured field (<see cref="InngestEventEncryption.FieldName"/>), compared exactly.</summary>
    /// <param name="fieldName">The JSON name of a top-level field of <c>data</c>.</param>
    /// <returns>Whether this middleware encrypts that field.</returns>
    public override bool EncryptsField(string fieldName) => string.Equals(fieldName, Encryption.FieldName, StringComparison.Ordinal);

    /// <summary>Describes the middleware without any key.</summary>
    public override string ToString() => $"InngestEncryptionMiddleware {{ {Encryption} }}";
}
