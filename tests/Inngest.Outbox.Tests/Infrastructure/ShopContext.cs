using Inngest.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Inngest.Outbox.Tests;

/// <summary>A user's own context: one business table, and the outbox added to its model.</summary>
public sealed class ShopContext : DbContext
{
    public ShopContext(DbContextOptions<ShopContext> options)
        : base(options)
    {
    }

    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>().HasKey(o => o.Id);
        modelBuilder.AddInngestOutbox();
    }
}

public sealed class Order
{
    public string Id { get; set; } = string.Empty;

    public decimal Total { get; set; }
}
