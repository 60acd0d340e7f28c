using System;

namespace Inngest.Encryption;

/// <summary>Adds end-to-end encryption to an <see cref="InngestClientOptions"/> (sending) and an <see cref="InngestParseOptions"/> (receiving).</summary>
public static class EncryptionClientOptionsExtensions
{
    /// <summary>
    /// Appends an <see cref="InngestEncryptionMiddleware"/> to <see cref="InngestClientOptions.SendMiddleware"/>.
    /// Add it last when other hooks change the data, so what they write is encrypted too.
    /// </summary>
    /// <param name="options">The client options.</param>
    /// <param name="encryption">The key, fallback keys and field name.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentException">No key is set, or the field name is empty.</exception>
    public static InngestClientOptions AddEncryption(this InngestClientOptions options, InngestEncryptionOptions encryption)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.SendMiddleware.Add(new InngestEncryptionMiddleware(encryption));
        return options;
    }

    /// <summary>
    /// Appends an <see cref="InngestDecryptionMiddleware"/> to <see cref="InngestParseOptions.ReceiveMiddleware"/>, so
    /// parsing with these options gives back plaintext typed data. Add it first when other hooks read the data.
    /// </summary>
    /// <param name="options">The parse options.</param>
    /// <param name="encryption">The key, fallback keys and field name (the same as the sender's).</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentException">No key is set, or the field name is empty.</exception>
    public static InngestParseOptions AddDecryption(this InngestParseOptions options, InngestEncryptionOptions encryption)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ReceiveMiddleware.Add(new InngestDecryptionMiddleware(encryption));
        return options;
    }
}
