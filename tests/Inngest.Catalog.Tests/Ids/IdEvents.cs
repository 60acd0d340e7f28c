using System;

namespace Inngest.Catalog.Tests.Ids;

public enum Channel
{
    Web,
    Store,
}

[InngestEvent("storefront/cart.checkout.completed", Id = "cart-{CartId}-{Attempt}")]
public sealed partial record CartCheckoutCompleted(string CartId, int Attempt, decimal Total);

[InngestEvent("storefront/order.shipped", Id = "order-shipped:{OrderId}:{ShippedAt}:{Channel}:{Weight}:{Coupon??none}:{Batch??-}:{Day}:{Express}:{{x}}")]
public sealed partial record OrderShipped(Guid OrderId, DateTimeOffset ShippedAt, Channel Channel, double Weight, string? Coupon, int? Batch, DateOnly Day, bool Express);

[InngestEvent("storefront/stock.counted", Id = "stock-{Sku}")]
public partial struct StockCounted
{
    public string Sku { get; set; }

    public long Count { get; set; }
}
