using System;
using System.IO;
using System.Threading.Tasks;
using Inngest.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Inngest.Benchmarks.Outbox;

[InngestEvent("bench/order.placed")]
public sealed partial record BenchOrderPlaced(string OrderId, string Customer, decimal Total);

/// <summary>An application context with one business table and the outbox, on a SQLite file in WAL mode.</summary>
public sealed class BenchShopContext : DbContext
{
    public BenchShopContext(DbContextOptions<BenchShopContext> options)
        : base(options)
    {
    }

    public DbSet<BenchOrder> Orders => Set<BenchOrder>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BenchOrder>().HasKey(o => o.Id);
        modelBuilder.AddInngestOutbox();
    }
}

public sealed class BenchOrder
{
    public string Id { get; set; } = string.Empty;

    public string Customer { get; set; } = string.Empty;

    public decimal Total { get; set; }
}

/// <summary>A fresh SQLite database file for one benchmark class.</summary>
public sealed class BenchDatabase : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "inngest-outbox-bench-" + Guid.NewGuid().ToString("N"));

    public BenchDatabase()
    {
        Directory.CreateDirectory(_directory);
        ConnectionString = $"Data Source={Path.Combine(_directory, "bench.db")}";
        Options = new DbContextOptionsBuilder<BenchShopContext>().UseSqlite(ConnectionString).Options;
    }

    public string ConnectionString { get; }

    public DbContextOptions<BenchShopContext> Options { get; }

    public async Task CreateAsync()
    {
        await using var db = new BenchShopContext(Options);
        await db.Database.EnsureCreatedAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
