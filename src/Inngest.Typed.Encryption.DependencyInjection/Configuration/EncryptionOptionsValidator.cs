using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Inngest.Encryption.DependencyInjection;

/// <summary>
/// Checks <see cref="InngestEncryptionOptions"/> when the host starts (<c>ValidateOnStart</c>), so a missing key fails
/// the start with a message that says what to set instead of the first send or parse. Messages name settings, never
/// their values: no key ever appears in them.
/// </summary>
internal sealed class EncryptionOptionsValidator : IValidateOptions<InngestEncryptionOptions>
{
    private readonly string _path;

    /// <param name="path">The configuration path the settings are bound from, for example <c>Inngest:Encryption</c>.</param>
    public EncryptionOptionsValidator(string path)
    {
        _path = path;
    }

    public ValidateOptionsResult Validate(string? name, InngestEncryptionOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Key))
        {
            failures.Add(
                $"No Inngest encryption key is set. Set {_path}:{EncryptionConfigurationBinder.KeyName} (a secret store, user secrets, or the environment variable {EnvironmentName(_path)}__{EncryptionConfigurationBinder.KeyName}), "
                + $"or the environment variable {InngestEncryptionOptions.KeyVariable}, to the key your TypeScript or Python functions use; or set InngestEncryptionOptions.Key in the configure callback of AddInngestEncryption.");
        }

        if (string.IsNullOrEmpty(options.FieldName))
        {
            failures.Add(
                $"{_path}:{EncryptionConfigurationBinder.FieldNameName} is empty. Remove it to use '{InngestEncryptionOptions.DefaultFieldName}' (the official middleware's default), or set the field your functions expect (their eventEncryptionField / event_encryption_field).");
        }

        for (var i = 0; i < options.FallbackKeys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.FallbackKeys[i]))
            {
                failures.Add(
                    $"{_path}:{EncryptionConfigurationBinder.FallbackKeysName}:{i} is empty. Set it to a previous key (is the secret it comes from unset?) or remove the entry.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string EnvironmentName(string path) => path.Replace(":", "__", System.StringComparison.Ordinal);
}
