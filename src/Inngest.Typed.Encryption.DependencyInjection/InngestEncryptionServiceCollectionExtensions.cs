using System;
using Inngest;
using Inngest.Encryption;
using Inngest.Encryption.DependencyInjection;
using Inngest.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures Inngest.Typed end-to-end encryption in an <see cref="IServiceCollection"/>.</summary>
public static class InngestEncryptionServiceCollectionExtensions
{
    /// <summary>The configuration section bound by default: <c>Inngest:Encryption</c>.</summary>
    public const string SectionName = EncryptionConfigurationBinder.SectionName;

    private static readonly Func<IServiceProvider, object> ParseOptionsFromContainer =
        static sp => sp.GetRequiredService<IOptions<InngestParseOptions>>().Value;

    /// <summary>
    /// Encrypts the configured field of every event the container's <see cref="IInngestClient"/> sends, and decrypts it
    /// in every event parsed with the container's <see cref="InngestParseOptions"/>, with
    /// <see cref="InngestEncryptionOptions"/> bound from the <c>Inngest:Encryption</c> section of the container's
    /// <see cref="IConfiguration"/> (<c>Key</c>, <c>FallbackKeys</c>, <c>FieldName</c>), then
    /// <paramref name="configure"/>, then <c>INNGEST_ENCRYPTION_KEY</c> for a key still unset. The settings are
    /// validated when the host starts; the key is never in a message or a log.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Registers <see cref="InngestEventEncryption"/>, <see cref="InngestEncryptionMiddleware"/> and
    /// <see cref="InngestDecryptionMiddleware"/> as singletons; appends the encryption middleware to
    /// <see cref="InngestOptions.SendMiddleware"/> after every other send middleware (a post-configure action), and
    /// registers <see cref="InngestParseOptions"/> as a singleton configured through
    /// <c>services.Configure&lt;InngestParseOptions&gt;(...)</c>, with the decryption middleware first in its
    /// <see cref="InngestParseOptions.ReceiveMiddleware"/>. Call it before or after <c>AddInngest()</c>.
    /// </para>
    /// <para>
    /// The settings are read once, when first needed: a configuration reload does not change the keys of a running
    /// process (rotate keys by deploying, as docs/encryption.md describes).
    /// </para>
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes applied after the configuration section, or <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">
    /// <see cref="InngestParseOptions"/> is already registered by the application (decryption could not be added to it).
    /// </exception>
    /// <example>
    /// <code>
    /// builder.Services.AddInngest();
    /// builder.Services.AddInngestEncryption();   // "Inngest:Encryption" section, else INNGEST_ENCRYPTION_KEY
    /// </code>
    /// </example>
    public static IServiceCollection AddInngestEncryption(this IServiceCollection services, Action<InngestEncryptionOptions>? configure = null)
        => AddCore(services, section: null, configure);

    /// <summary>
    /// Sets up encryption like <see cref="AddInngestEncryption(IServiceCollection, Action{InngestEncryptionOptions}?)"/>,
    /// binding <see cref="InngestEncryptionOptions"/> from <paramref name="configuration"/> (for example
    /// <c>builder.Configuration.GetSection("Messaging:Encryption")</c>) instead of <c>Inngest:Encryption</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding <c>Key</c>, <c>FallbackKeys</c> and <c>FieldName</c>.</param>
    /// <param name="configure">Changes applied after the configuration section, or <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">
    /// <see cref="InngestParseOptions"/> is already registered by the application (decryption could not be added to it).
    /// </exception>
    public static IServiceCollection AddInngestEncryption(this IServiceCollection services, IConfiguration configuration, Action<InngestEncryptionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(services, configuration, configure);
    }

    private static IServiceCollection AddCore(IServiceCollection services, IConfiguration? section, Action<InngestEncryptionOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<InngestEncryptionOptions>();
        if (section is not null || !IsRegistered(services))
        {
            services.AddSingleton<IConfigureOptions<InngestEncryptionOptions>>(sp => new EncryptionConfigureFromConfiguration(sp, section));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (IsRegistered(services))
        {
            return services;
        }

        EnsureParseOptionsAreOurs(services);
        services.AddSingleton<EncryptionRegistration>();
        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<InngestEncryptionOptions>>(new EncryptionOptionsValidator(EncryptionConfigurationBinder.PathOf(section)));
        services.TryAddSingleton(new EncryptionEnvironment());
        services.AddSingleton<IPostConfigureOptions<InngestEncryptionOptions>, EncryptionKeyFromEnvironment>();

        services.TryAddSingleton(static sp => new InngestEventEncryption(sp.GetRequiredService<IOptions<InngestEncryptionOptions>>().Value));
        services.TryAddSingleton(static sp => new InngestEncryptionMiddleware(sp.GetRequiredService<InngestEventEncryption>()));
        services.TryAddSingleton(static sp => new InngestDecryptionMiddleware(sp.GetRequiredService<InngestEventEncryption>()));

        services.AddSingleton<IPostConfigureOptions<InngestOptions>, EncryptionForSending>();
        services.AddOptions<InngestParseOptions>();
        services.Add(ServiceDescriptor.Singleton(typeof(InngestParseOptions), ParseOptionsFromContainer));
        services.AddSingleton<IPostConfigureOptions<InngestParseOptions>, DecryptionForReceiving>();
        return services;
    }

    private static bool IsRegistered(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(EncryptionRegistration))
            {
                return true;
            }
        }

        return false;
    }

    private static void EnsureParseOptionsAreOurs(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(InngestParseOptions)
                && (descriptor.IsKeyedService || !ReferenceEquals(descriptor.ImplementationFactory, ParseOptionsFromContainer)))
            {
                throw new InvalidOperationException(
                    "InngestParseOptions is already registered in the service collection, so AddInngestEncryption cannot add decryption to it. "
                    + "Remove that registration and put its settings in services.Configure<InngestParseOptions>(o => ...) instead: AddInngestEncryption registers InngestParseOptions itself, with decryption first.");
            }
        }
    }
}
