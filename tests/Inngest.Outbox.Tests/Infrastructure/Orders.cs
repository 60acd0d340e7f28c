using System.Threading.Tasks;
using Inngest.EntityFrameworkCore;

namespace Inngest.Outbox.Tests;

/// <summary>What application code does: save an order and enqueue its event in the same SaveChanges.</summary>
public static class Orders
{
    public static OrderPlaced Placed(string id, decimal total = 10m) => new(id, total, ["sku-1", "sku-2"]);

    public static async Task<InngestOutboxMessage> PlaceAsync(TestDatabase database, string id, string? eventId = null)
    {
        await using var db = database.NewContext();
        db.Orders.Add(new Order { Id = id, Total = 10m });
        var row = db.Inngest().EnqueueOrderPlaced(Placed(id), id: eventId);
        await db.SaveChangesAsync();
        return row;
    }
}
