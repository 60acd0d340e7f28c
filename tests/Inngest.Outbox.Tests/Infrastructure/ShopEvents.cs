using System.Collections.Generic;

namespace Inngest.Outbox.Tests;

[InngestEvent("shop/order.placed", Version = "2026-12-01.1")]
public sealed partial record OrderPlaced(string OrderId, decimal Total, IReadOnlyList<string> Items);

[InngestEvent("shop/order.cancelled")]
public sealed partial record OrderCancelled(string OrderId, string Reason);

[InngestEvent("shop/refund.issued", Id = "refund-{RefundId}")]
public sealed partial record RefundIssued(string RefundId, decimal Amount);

[InngestEvent("shop/customer.registered")]
public sealed partial record CustomerRegistered(string CustomerId, [InngestEncrypted] CustomerContact Encrypted);

public sealed record CustomerContact(string Email, string Phone);
