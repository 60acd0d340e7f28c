using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Inngest.EntityFrameworkCore;

namespace Inngest.Benchmarks.Outbox;

/// <summary>
/// What the outbox adds to a business transaction: one SaveChanges (its own transaction) of an order alone, then with
/// its event enqueued, then with ten events. The difference to the baseline is the cost of the outbox rows.
/// </summary>
[MemoryDiagnoser]
public class EnqueueBenchmarks
{
    private BenchDatabase _database = null!;
    private int _next;

    [GlobalSetup]
    public async Task Setup()
    {
        _database = new BenchDatabase();
        await _database.CreateAsync();
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [Benchmark(Baseline = true, Description = "SaveChanges: order only")]
    public Task OrderOnly() => SaveAsync(0);

    [Benchmark(Description = "SaveChanges: order + 1 event")]
    public Task OrderAndOneEvent() => SaveAsync(1);

    [Benchmark(Description = "SaveChanges: order + 10 events")]
    public Task OrderAndTenEvents() => SaveAsync(10);

    private async Task SaveAsync(int events)
    {
        await using var db = new BenchShopContext(_database.Options);
        var id = "o" + (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        db.Orders.Add(new BenchOrder { Id = id, Customer = "taylor@example.com", Total = 42.5m });
        for (var i = 0; i < events; i++)
        {
            db.Inngest().EnqueueBenchOrderPlaced(new BenchOrderPlaced(id, "taylor@example.com", 42.5m));
        }

        await db.SaveChangesAsync();
    }
}
