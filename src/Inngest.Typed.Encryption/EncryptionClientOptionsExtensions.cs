using System;

namespace Inngest.Encryption;

/// <summary>Adds end-to-end encryption to an <see cref="InngestClientOptions"/>.</summary>
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
}
