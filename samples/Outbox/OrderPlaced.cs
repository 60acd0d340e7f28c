using Inngest;

namespace OutboxSample;

[InngestEvent("shop/order.placed", Version = "2026-12-01.1")]
public sealed partial record OrderPlaced(string OrderId, string Customer, decimal Total);
