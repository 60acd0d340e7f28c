// The transactional outbox on SQLite: an order and its "shop/order.placed" event are saved in one transaction, and
// the outbox dispatcher (a hosted service) sends the event once that commits. Run: dotnet run --project samples/Outbox
// With INNGEST_DEV=1 (a dev server: npx inngest-cli@latest dev) or INNGEST_EVENT_KEY it sends for real; with neither
// it prints the requests it would send.
using Inngest;
using Inngest.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OutboxSample;

var live = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("INNGEST_EVENT_KEY"))
    || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("INNGEST_DEV"));
var database = Environment.GetEnvironmentVariable("OUTBOX_SAMPLE_DB") ?? Path.Combine(AppContext.BaseDirectory, "shop.db");

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddDbContext<ShopDbContext>(o => o.UseSqlite($"Data Source={database}"));
if (live)
{
    builder.Services.AddInngest(); // IInngestClient from INNGEST_* (Inngest.Typed.Extensions.DependencyInjection)
}
else
{
    Console.WriteLine("Neither INNGEST_EVENT_KEY nor INNGEST_DEV is set: printing the requests instead of sending them.");
    builder.Services.AddSingleton<IInngestClient>(new InngestClient(new HttpClient(new PrintingEventApi()), new InngestClientOptions { EventKey = "dry-run" }));
}

builder.Services.AddInngestOutbox<ShopDbContext>(o => o.PollInterval = TimeSpan.FromMilliseconds(200)); // the dispatcher
using var host = builder.Build();

await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
    await db.Database.MigrateAsync(); // Migrations/: made with `dotnet ef migrations add Initial`

    // The business change and its event, in one transaction: both are stored, or neither.
    var order = new Order { Id = $"ord-{Guid.NewGuid():N}"[..16], Customer = "taylor@example.com", Total = 42.50m };
    await using var transaction = await db.Database.BeginTransactionAsync();
    db.Orders.Add(order);
    var row = db.Inngest().EnqueueOrderPlaced(new OrderPlaced(order.Id, order.Customer, order.Total));
    await db.SaveChangesAsync();
    await transaction.CommitAsync();
    Console.WriteLine($"saved order {order.Id} and its event (id {row.EventId}) in one transaction");
}

await host.StartAsync();
await using (var scope = host.Services.CreateAsyncScope())
{
    var outbox = scope.ServiceProvider.GetRequiredService<ShopDbContext>().Inngest();
    for (var i = 0; i < 150 && (await outbox.GetStatisticsAsync()).Pending > 0; i++)
    {
        await Task.Delay(200);
    }

    var statistics = await outbox.GetStatisticsAsync();
    Console.WriteLine($"outbox: {statistics.Pending} pending, {statistics.Parked} parked");
    await host.StopAsync();
    return statistics.Pending == 0 ? 0 : 1;
}
