using System;
using System.Threading.Tasks;
using Inngest.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Inngest.Outbox.Tests;

/// <summary>
/// What an application has: its context registered in DI, an <see cref="InngestClient"/> (here pointed at a local
/// server on 127.0.0.1) and the dispatcher from <c>AddInngestOutbox</c>.
/// </summary>
public sealed class OutboxHarness : IAsyncDisposable
{
    private OutboxHarness(ServiceProvider services, InngestClient client)
    {
        Services = services;
        Client = client;
        Dispatcher = services.GetRequiredService<InngestOutboxDispatcher<ShopContext>>();
    }

    public ServiceProvider Services { get; }

    public InngestClient Client { get; }

    public InngestOutboxDispatcher<ShopContext> Dispatcher { get; }

    public static OutboxHarness Create(TestDatabase database, Uri serverUrl, Action<InngestOutboxOptions>? configure = null, Action<InngestClientOptions>? client = null)
    {
        var clientOptions = ClientOptions(serverUrl);
        client?.Invoke(clientOptions);
        var inngest = new InngestClient(clientOptions);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<ShopContext>(database.Configure);
        services.AddSingleton<IInngestClient>(inngest);
        services.AddInngestOutbox<ShopContext>(o =>
        {
            o.PollInterval = TimeSpan.FromMilliseconds(50);
            o.RetryInitialDelay = TimeSpan.FromMilliseconds(50);
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(200);
            configure?.Invoke(o);
        });
        return new OutboxHarness(services.BuildServiceProvider(), inngest);
    }

    /// <summary>Options of a client that sends to <paramref name="serverUrl"/> with a real-looking key and fast retries.</summary>
    public static InngestClientOptions ClientOptions(Uri serverUrl) => new()
    {
        BaseUrl = serverUrl.ToString(),
        EventKey = "outbox-test-key-0123456789",
        IsDev = false,
        MaxAttempts = 1,
        InitialRetryDelay = TimeSpan.FromMilliseconds(10),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        EnvironmentReader = _ => null,
    };

    public IHostedService Hosted => Services.GetServices<IHostedService>() is var all ? System.Linq.Enumerable.Single(all) : throw new InvalidOperationException();

    /// <summary>Dispatches batches until the outbox has nothing due.</summary>
    public async Task DrainAsync(int maxBatches = 1000)
    {
        for (var i = 0; i < maxBatches; i++)
        {
            if (await Dispatcher.DispatchBatchAsync() == 0)
            {
                return;
            }
        }

        throw new InvalidOperationException($"The outbox still had rows after {maxBatches} batches.");
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Client.Dispose();
    }
}
