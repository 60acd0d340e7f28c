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
        InngestSendMiddleware middleware;
        try
        {
            // Resolved here, not in the constructor: options factories are built before the encryption settings are read.
            middleware = _services.GetRequiredService<InngestEncryptionMiddleware>();
        }
        catch (OptionsValidationException invalid)
        {
            // The encryption settings fail their own validation (which fails the host's start by itself, once). Without
            // a host start, every send fails with that message: an event is never sent unencrypted by mistake.
            middleware = new InvalidEncryptionSettings(invalid);
        }

        if (!options.SendMiddleware.Contains(middleware))
        {
            options.SendMiddleware.Add(middleware);
        }
    }

    /// <summary>Stands in for the encryption middleware when its settings are invalid: refuses every event.</summary>
    private sealed class InvalidEncryptionSettings : InngestSendMiddleware
    {
        private readonly OptionsValidationException _invalid;

        public InvalidEncryptionSettings(OptionsValidationException invalid)
        {
            _invalid = invalid;
        }

        public override InngestEvent TransformEvent(InngestEvent evt, InngestSendMiddlewareContext context)
            => throw new InvalidOperationException("Encryption is added (AddInngestEncryption) but its settings are invalid, so nothing is sent: " + _invalid.Message, _invalid);

        // Claims every field, so an event with an [InngestEncrypted] member reaches TransformEvent and fails with the
        // settings' message, not with "no middleware encrypts this field" (which would point at the wrong fix).
        public override bool EncryptsField(string fieldName) => true;

        public override string ToString() => "InvalidEncryptionSettings";
    }
}
