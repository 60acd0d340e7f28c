using System;
using Inngest.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the outbox dispatcher.</summary>
public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Runs an <see cref="InngestOutboxDispatcher{TContext}"/> as a hosted service: it sends the outbox rows of
    /// <typeparamref name="TContext"/> (registered by you, e.g. with <c>AddDbContext</c>) through the registered
    /// <see cref="Inngest.IInngestClient"/> (e.g. from <c>AddInngest()</c>).
    /// </summary>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddInngestOutbox<TContext>(this IServiceCollection services, Action<InngestOutboxOptions>? configure = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<InngestOutboxOptions>(InngestOutboxDispatcher<TContext>.OptionsName);
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.AddSingleton<InngestOutboxDispatcher<TContext>>();
        services.AddHostedService(static sp => sp.GetRequiredService<InngestOutboxDispatcher<TContext>>());
        return services;
    }
}
