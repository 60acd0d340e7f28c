using System;
using Inngest.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inngest.Encryption.DependencyInjection;

/// <summary>
/// Appends the container's <see cref="InngestEncryptionMiddleware"/> to <see cref="InngestOptions.SendMiddleware"/>.
/// A post-configure action runs after every <c>Configure</c>, so encryption comes after every other send middleware and
/// encrypts what they wrote.
/// </summary>
internal sealed class EncryptionForSending : IPostConfigureOptions<InngestOptions>
{
    private readonly IServiceProvider _services;

    public EncryptionForSending(IServiceProvider services)
    {
        _services = services;
    }

    public void PostConfigure(string? name, InngestOptions options)
    {
        // Resolved here, not in the constructor: options factories are built before the encryption settings are valid.
        var middleware = _services.GetRequiredService<InngestEncryptionMiddleware>();
        if (!options.SendMiddleware.Contains(middleware))
        {
            options.SendMiddleware.Add(middleware);
        }
    }
}
