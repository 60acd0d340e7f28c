using System;
using System.Collections.Generic;

namespace Inngest.Encryption;

/// <summary>
/// Settings of end-to-end event encryption, the same as <c>@inngest/middleware-encryption</c>'s: the key, the keys
/// that still decrypt (rotation) and the one top-level field of <c>data</c> that is encrypted.
/// </summary>
/// <remarks>
/// Keys are secrets: they never appear in <see cref="ToString"/>, in exception messages or in anything this package
/// logs. Read them from a secret store or the environment (<see cref="FromEnvironment(Func{string, string?}?)"/>),
/// never from source code.
/// </remarks>
public sealed class InngestEncryptionOptions
{
    /// <summary>The environment variable <see cref="FromEnvironment(Func{string, string?}?)"/> reads the key from.</summary>
    public const string KeyVariable = "INNGEST_ENCRYPTION_KEY";

    /// <summary>The field of <c>data</c> encrypted by default, as in the official middleware.</summary>
    public const string DefaultFieldName = "encrypted";

    /// <summary>
    /// The key that encrypts, and the first one tried when decrypting. Any non-empty string: leading and trailing
    /// white space is ignored and the rest is hashed to the 32-byte secretbox key, exactly as the official
    /// middleware does, so the same string works on both sides.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>
    /// Keys tried after <see cref="Key"/> when decrypting, in order (the official middleware's
    /// <c>fallbackDecryptionKeys</c>): during a key rotation, the old keys. Blank entries are ignored.
    /// </summary>
    public IList<string> FallbackKeys { get; } = new List<string>();

    /// <summary>
    /// The top-level field of <c>data</c> whose value is encrypted (the official middleware's
    /// <c>eventEncryptionField</c>). Default <c>encrypted</c>; every other field is sent in plaintext.
    /// </summary>
    public string FieldName { get; set; } = DefaultFieldName;

    /// <summary>
    /// Creates options whose <see cref="Key"/> is the value of <c>INNGEST_ENCRYPTION_KEY</c> (trimmed; unset or blank
    /// leaves it unset, which the encryptor then refuses with a message that says what to set).
    /// </summary>
    /// <param name="environmentReader">Reads a variable; default <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    public static InngestEncryptionOptions FromEnvironment(Func<string, string?>? environmentReader = null)
    {
        var read = environmentReader ?? Environment.GetEnvironmentVariable;
        var value = read(KeyVariable);
        return new InngestEncryptionOptions { Key = string.IsNullOrWhiteSpace(value) ? null : value.Trim() };
    }

    /// <summary>Describes the settings without any key: only whether one is set and how many fallbacks there are.</summary>
    public override string ToString()
        => $"InngestEncryptionOptions {{ Key = {(string.IsNullOrWhiteSpace(Key) ? "(unset)" : "***")}, FallbackKeys = {FallbackKeys.Count}, FieldName = {FieldName} }}";
}
