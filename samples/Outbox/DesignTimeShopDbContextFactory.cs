using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OutboxSample;

/// <summary>How `dotnet ef migrations add` makes the context (the provider decides the migration's SQL types).</summary>
public sealed class DesignTimeShopDbContextFactory : IDesignTimeDbContextFactory<ShopDbContext>
{
    public ShopDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<ShopDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
