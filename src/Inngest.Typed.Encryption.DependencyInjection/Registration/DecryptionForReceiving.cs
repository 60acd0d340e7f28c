using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inngest.Encryption.DependencyInjection;

/// <summary>
/// Puts the container's <see cref="InngestDecryptionMiddleware"/> first in <see cref="InngestParseOptions.ReceiveMiddleware"/>
/// of the container's <see cref="InngestParseOptions"/>, so every other receive hook and the typed data see plaintext.
/// </summary>
internal sealed class DecryptionForReceiving : IPostConfigureOptions<InngestParseOptions>
{
    private readonly IServiceProvider _services;

    public DecryptionForReceiving(IServiceProvider services)
    {
        _services = services;
    }

    public void PostConfigure(string? name, InngestParseOptions options)
    {
        var middleware = _services.GetRequiredService<InngestDecryptionMiddleware>();
        if (!options.ReceiveMiddleware.Contains(middleware))
        {
            options.ReceiveMiddleware.Insert(0, middleware);
        }
    }
}
