// The crash tests' child process. It does what an application does (saves orders and enqueues their events in
// transactions, some committed and some rolled back, while the outbox dispatcher sends) and prints markers that the
// parent test uses to SIGKILL it at chosen points. "drain" mode only dispatches until the outbox is empty.
//
// usage: CrashChild work|drain sqlite|postgres CONNECTION SERVER_URL INCARNATION SEED PAUSE_AT
//   PAUSE_AT: none | saved (after SaveChanges, before Commit) | committed (dispatcher held back) | acked (after
//   Inngest acknowledged, before the rows are marked sent)
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Inngest;
using Inngest.EntityFrameworkCore;
using Inngest.Outbox.CrashChild;
using Inngest.Outbox.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

var (mode, provider, connection, server, incarnation, seed, pauseAt) = (args[0], args[1], args[2], args[3], args[4], int.Parse(args[5]), args[6]);
var random = new Random(seed);
var services = new ServiceCollection();
services.AddDbContext<ShopContext>(o => _ = provider == "postgres" ? o.UseNpgsql(connection) : o.UseSqlite(connection));
using var inngest = new InngestClient(new InngestClientOptions
{
    BaseUrl = server,
    EventKey = "crash-test-key-0123456789",
    IsDev = false,
    MaxAttempts = 2,
    InitialRetryDelay = TimeSpan.FromMilliseconds(20),
    AttemptTimeout = TimeSpan.FromSeconds(3),
    EnvironmentReader = _ => null,
});
services.AddSingleton<IInngestClient>(new MarkingClient(inngest, pauseAt == "acked"));
services.AddInngestOutbox<ShopContext>(o =>
{
    o.BatchSize = random.Next(1, 25);
    o.LeaseDuration = TimeSpan.FromSeconds(2);
    o.PollInterval = TimeSpan.FromMilliseconds(20);
    o.RetryInitialDelay = TimeSpan.FromMilliseconds(50);
    o.RetryMaxDelay = TimeSpan.FromMilliseconds(300);
});
await using var provider_ = services.BuildServiceProvider();
var dispatcher = provider_.GetRequiredService<InngestOutboxDispatcher<ShopContext>>();

if (mode == "drain")
{
    while (true)
    {
        await dispatcher.DispatchBatchAsync();
        await using var scope = provider_.CreateAsyncScope();
        var statistics = await scope.ServiceProvider.GetRequiredService<ShopContext>().Inngest().GetStatisticsAsync();
        if (statistics.Pending == 0)
        {
            Console.WriteLine($"MARK drained parked={statistics.Parked}");
            return 0;
        }

        await Task.Delay(50);
    }
}

var dispatching = Task.Run(async () =>
{
    if (pauseAt == "committed")
    {
        await Task.Delay(TimeSpan.FromSeconds(5)); // the kill comes after the first commit, before any dispatch
    }

    while (true)
    {
        if (await dispatcher.DispatchBatchAsync() == 0)
        {
            await Task.Delay(20);
        }
    }
});

for (var i = 0; ; i++)
{
    var orderId = $"{incarnation}-{i}";
    var events = random.Next(1, 4);
    var commit = random.NextDouble() < 0.7;
    await using (var scope = provider_.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<ShopContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Orders.Add(new Order { Id = orderId, Total = events });
        for (var j = 0; j < events; j++)
        {
            db.Inngest().EnqueueOrderPlaced(new OrderPlaced(orderId, j, []));
        }

        await db.SaveChangesAsync();
        Console.WriteLine($"MARK saved {orderId}");
        if (pauseAt == "saved")
        {
            await Task.Delay(250);
        }

        if (commit)
        {
            await transaction.CommitAsync();
            Console.WriteLine($"MARK committed {orderId}");
            if (pauseAt == "committed")
            {
                await Task.Delay(250);
            }
        }
        else
        {
            await transaction.RollbackAsync();
            Console.WriteLine($"MARK rolledback {orderId}");
        }
    }

    await Task.Delay(random.Next(0, 15));
    if (dispatching.IsFaulted)
    {
        Console.Error.WriteLine(dispatching.Exception);
        return 3;
    }
}
