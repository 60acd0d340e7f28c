using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inngest.Encryption.DependencyInjection;

/// <summary>
/// Binds <see cref="InngestEncryptionOptions"/> from the section given to <c>AddInngestEncryption</c>, or else from the
/// <c>Inngest:Encryption</c> section of the container's <see cref="IConfiguration"/> when there is one.
/// </summary>
internal sealed class EncryptionConfigureFromConfiguration : IConfigureOptions<InngestEncryptionOptions>
{
    private readonly IServiceProvider _services;
    private readonly IConfiguration? _section;

    public EncryptionConfigureFromConfiguration(IServiceProvider services, IConfiguration? section)
    {
        _services = services;
        _section = section;
    }

    public void Configure(InngestEncryptionOptions options)
    {
        var section = _section ?? _services.GetService<IConfiguration>()?.GetSection(EncryptionConfigurationBinder.SectionName);
        if (section is not null)
        {
            EncryptionConfigurationBinder.Bind(section, options);
        }
    }
}
