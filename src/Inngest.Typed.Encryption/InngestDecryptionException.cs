using System;

namespace Inngest.Encryption;

/// <summary>
/// Thrown when an encrypted value cannot be read: it is not in the <c>inngest/libsodium</c> format, its ciphertext
/// is damaged, or none of the configured keys opens it. The message says which and what to check; it never holds a
/// key or the plaintext.
/// </summary>
public sealed class InngestDecryptionException : Exception
{
    internal InngestDecryptionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
