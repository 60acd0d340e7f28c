using Inngest.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace OutboxSample;

/// <summary>The application's own context. The outbox is one more table in its model, created by its migrations.</summary>
public sealed class ShopDbContext : DbContext
{
    public ShopDbContext(DbContextOptions<ShopDbContext> options)
        : base(options)
    {
    }

    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>(order =>
        {
            order.HasKey(o => o.Id);
            order.Property(o => o.Customer).HasMaxLength(200);
        });
        modelBuilder.AddInngestOutbox();
    }
}

public sealed class Order
{
    public string Id { get; set; } = string.Empty;

    public string Customer { get; set; } = string.Empty;

    public decimal Total { get; set; }
}
