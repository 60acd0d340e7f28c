using System;
using Microsoft.Extensions.Configuration;

namespace Inngest.Encryption.DependencyInjection;

/// <summary>
/// Reads the <c>Inngest:Encryption</c> section into <see cref="InngestEncryptionOptions"/> by hand, without the
/// reflection-based configuration binder (AOT-safe). Every value is a string, so nothing can fail to parse here;
/// what is wrong (an empty field name, a blank fallback entry) is reported by <see cref="EncryptionOptionsValidator"/>.
/// </summary>
internal static class EncryptionConfigurationBinder
{
    public const string SectionName = "Inngest:Encryption";
    public const string KeyName = nameof(InngestEncryptionOptions.Key);
    public const string FallbackKeysName = nameof(InngestEncryptionOptions.FallbackKeys);
    public const string FieldNameName = nameof(InngestEncryptionOptions.FieldName);

    public static void Bind(IConfiguration section, InngestEncryptionOptions options)
    {
        if (section[KeyName] is { } key && !string.IsNullOrWhiteSpace(key))
        {
            options.Key = key;
        }

        if (section[FieldNameName] is { } field)
        {
            // Kept even when empty, so the validator can name the setting instead of silently using the default.
            options.FieldName = field.Trim();
        }

        var fallbacks = section.GetSection(FallbackKeysName);
        if (fallbacks.Value is { } single)
        {
            // "FallbackKeys": "old-key" (or Inngest__Encryption__FallbackKeys=old-key): one key, not split on anything.
            options.FallbackKeys.Add(single);
        }

        // An array ("FallbackKeys": ["k1", "k2"], or FallbackKeys:0, FallbackKeys:1, ...), in index order
        // (GetChildren orders numeric keys as numbers). Blank entries are kept for the validator to report.
        foreach (var child in fallbacks.GetChildren())
        {
            options.FallbackKeys.Add(child.Value ?? string.Empty);
        }
    }

    /// <summary>The path of <paramref name="section"/> for messages, or <see cref="SectionName"/>.</summary>
    public static string PathOf(IConfiguration? section)
        => section is IConfigurationSection { Path: { Length: > 0 } path } ? path : SectionName;
}
