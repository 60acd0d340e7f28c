using System.Collections.Generic;

namespace Inngest.Outbox.Tests;

[InngestEvent("shop/order.placed", Version = "2026-12-01.1")]
public sealed partial record OrderPlaced(string OrderId, decimal Total, IReadOnlyList<string> Items);

[InngestEvent("shop/order.cancelled")]
public sealed partial record OrderCancelled(string OrderId, string Reason);
