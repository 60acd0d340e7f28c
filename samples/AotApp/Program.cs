// Sends typed events from a Native AOT binary to INNGEST_BASE_URL (with INNGEST_EVENT_KEY, or INNGEST_DEV)
// and exits non-zero on any failure. With INNGEST_ENCRYPTION_KEY set it also sends an event whose personal data is
// encrypted end to end (Inngest.Typed.Encryption: libsodium through a native library, in an AOT binary).
// It then parses two received events (one through the generator's reader for plain data, one through the metadata).
// tests/Inngest.Samples.Tests publishes it and checks every body, decrypting the encrypted one with the npm middleware.
using AotApp;
using Inngest;
using Inngest.Encryption;

try
{
    var options = new InngestClientOptions();
    var encryption = InngestEncryptionOptions.FromEnvironment();
    if (encryption.Key is not null)
    {
        options.AddEncryption(encryption);
    }

    using var inngest = new InngestClient(options);
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
    var sent = 5;

    if (encryption.Key is not null)
    {
        var verified = await inngest.SendIdentityVerifiedAsync(
            new IdentityVerified(
                "u1",
                Plan.Pro,
                new VerifiedIdentity("Taylor Smith", "taylor@example.com", new DateOnly(1990, 4, 1), new Address("1 Main St", "Zürich", "CH"), ["passport", "utility-bill"])),
            id: "verify-u1");
        Check(verified, 1);
        sent++;
    }
    else
    {
        Console.WriteLine("INNGEST_ENCRYPTION_KEY is not set: the encrypted event was not sent");
    }

    Console.WriteLine($"sent {sent} events");

    // Receiving in the same binary: a plain payload through its generated reader, and one the metadata reads (an enum
    // with a string converter, DateOnly), both without reflection.
    var receipt = InngestEvent.Parse<ReceiptIssued>("""
        {"name":"shop/receipt.issued","data":{"receiptId":"r-7","total":12.5,"lines":["tea","cake"],"counts":{"tea":2},"issuedAt":"2024-05-15T10:00:00Z"},"ts":1715767200000}
        """);
    var received = InngestEvent.Parse<OrderPlaced>(requestBodyOf(order));
    Console.WriteLine($"parsed {receipt.Data.ReceiptId} {receipt.Data.Total.ToString(System.Globalization.CultureInfo.InvariantCulture)} {string.Join("+", receipt.Data.Lines)} {receipt.Data.Counts["tea"]}; {received.Data.OrderId} {received.Data.Plan} {received.Data.DeliveryDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}");
    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"AotApp failed: {ex.GetType().Name}: {ex.Message}");
    return 1;
}

// The order as Inngest would deliver it: the event object of a request body, the data written by the generated context.
static string requestBodyOf(OrderPlaced order)
    => "{\"name\":\"shop/order.placed\",\"v\":\"2024-05-15.1\",\"data\":" + System.Text.Json.JsonSerializer.Serialize(order, JsonTypeInfoOf<OrderPlaced>()) + "}";

static System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> JsonTypeInfoOf<T>()
    where T : IInngestEventData<T>
    => T.JsonTypeInfo;

static void Check(InngestSendResult result, int expected)
{
    if (result.Ids.Count != expected || result.Ids.Any(string.IsNullOrEmpty))
    {
        throw new InvalidOperationException($"expected {expected} ids, got [{string.Join(", ", result.Ids)}]");
    }

    Console.WriteLine(string.Join(" ", result.Ids));
}
