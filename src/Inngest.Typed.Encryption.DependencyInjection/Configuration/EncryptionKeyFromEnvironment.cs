using System;
using Microsoft.Extensions.Options;

namespace Inngest.Encryption.DependencyInjection;

/// <summary>
/// Runs after the configuration section and the application's own <c>configure</c>: a key still unset comes from
/// <c>INNGEST_ENCRYPTION_KEY</c>, the variable <see cref="InngestEncryptionOptions.FromEnvironment(Func{string, string?}?)"/> reads.
/// </summary>
internal sealed class EncryptionKeyFromEnvironment : IPostConfigureOptions<InngestEncryptionOptions>
{
    private readonly EncryptionEnvironment _environment;

    public EncryptionKeyFromEnvironment(EncryptionEnvironment environment)
    {
        _environment = environment;
    }

    public void PostConfigure(string? name, InngestEncryptionOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Key))
        {
            options.Key = InngestEncryptionOptions.FromEnvironment(_environment.Read).Key;
        }
    }
}

/// <summary>Where <see cref="EncryptionKeyFromEnvironment"/> reads variables: the process environment, unless a test replaces it.</summary>
internal sealed class EncryptionEnvironment
{
    public Func<string, string?> Read { get; init; } = Environment.GetEnvironmentVariable;
}
