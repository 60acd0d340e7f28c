// Sends typed events from a Native AOT binary to INNGEST_BASE_URL (with INNGEST_EVENT_KEY, or INNGEST_DEV)
// and exits non-zero on any failure. tests/Inngest.Samples.Tests publishes it and checks every body.
using AotApp;
using Inngest;

try
{
    using var inngest = new InngestClient();
    var placedAt = new DateTimeOffset(2024, 5, 15, 9, 30, 0, TimeSpan.FromHours(2));

    var order = new OrderPlaced(
        OrderId: "ord_1001",
        Customer: new Customer("cus_42", "taylor@example.com", new Address("1 Main St", "Springfield", "US")),
        Items: [new LineItem("sku-1", 2, 9.99m), new LineItem("sku-2", 1, 100m)],
        Metadata: new Dictionary<string, string> { ["channel"] = "web", ["campaign"] = "spring" },
        Plan: Plan.Pro,
        PlacedAt: placedAt,
        DeliveryDate: new DateOnly(2024, 5, 20),
        Total: 119.98m,
        CouponCode: null,
        RequestId: new Guid("8f1d6c1e-3c7a-4a7e-9d8e-2b1f0c5a6d7e"));

    var single = await inngest.SendOrderPlacedAsync(order, user: new InngestUser { ExternalId = "cus_42" }, id: "ord_1001", timestamp: placedAt);
    Check(single, 1);

    var batch = await inngest.SendUserRegisteredAsync(
    [
        new UserRegistered("u1", Plan.Free, ["beta"], TimeSpan.FromDays(14), new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc), null),
        new UserRegistered("u2", Plan.Enterprise, [], TimeSpan.FromHours(36), new DateTime(2024, 5, 2, 8, 15, 0, DateTimeKind.Utc), 3),
    ]);
    Check(batch, 2);

    var mixed = await inngest.SendAsync(
    [
        order.ToEvent(id: "ord_1001-replay", timestamp: placedAt),
        new UserRegistered("u3", Plan.Pro, ["a", "b"], TimeSpan.Zero, new DateTime(2024, 5, 3, 0, 0, 0, DateTimeKind.Utc), 0).ToEvent(timestamp: placedAt),
    ]);
    Check(mixed, 2);

    Console.WriteLine("sent 5 events");
    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"AotApp failed: {ex.GetType().Name}: {ex.Message}");
    return 1;
}

static void Check(InngestSendResult result, int expected)
{
    if (result.Ids.Count != expected || result.Ids.Any(string.IsNullOrEmpty))
    {
        throw new InvalidOperationException($"expected {expected} ids, got [{string.Join(", ", result.Ids)}]");
    }

    Console.WriteLine(string.Join(" ", result.Ids));
}
