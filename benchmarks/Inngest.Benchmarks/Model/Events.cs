using System;
using System.Collections.Generic;

namespace Inngest.Benchmarks.Model;

// The benchmark events. The generator gives the two [InngestEvent] records their name, version and
// JSON metadata; every serializer in the comparison writes these same record instances.

/// <summary>The seed event of the Inngest docs (sent with a user).</summary>
[InngestEvent("app/account.created")]
public sealed partial record AccountCreated(string AccountId, string BillingPlan);

/// <summary>A postal address (nested record).</summary>
public sealed record Address(string Line1, string? Line2, string City, string Region, string PostalCode, string CountryCode);

/// <summary>The buyer (nested record with nested records).</summary>
public sealed record Customer(string Id, string Email, string Name, Address BillingAddress, Address? ShippingAddress, bool MarketingOptIn);

/// <summary>One order line, with a list inside.</summary>
public sealed record LineItem(string Sku, string Name, int Quantity, decimal UnitPrice, decimal Discount, List<string> Tags);

/// <summary>A ~2 KB event: nested records, a list and a dictionary.</summary>
[InngestEvent("shop/order.placed", Version = "2024-05-15.1")]
public sealed partial record OrderPlaced(
    string OrderId,
    Customer Customer,
    List<LineItem> Items,
    Dictionary<string, string> Metadata,
    string Currency,
    decimal Subtotal,
    decimal Tax,
    decimal Total,
    DateTimeOffset PlacedAt,
    string? CouponCode,
    int Attempt);

/// <summary>The values every benchmark sends.</summary>
public static class Payloads
{
    /// <summary>The <c>ts</c> every benchmark body carries (2026-01-01T00:00:00Z).</summary>
    public const long Timestamp = 1767225600000;

    public static AccountCreated Account(int i = 0)
        => new(i == 0 ? "645e9f6794e10937e9bdc201" : "645e9f6794e10937e9b" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), "pro");

    public static InngestUser AccountUser { get; } = new() { ExternalId = "645ea000129f1c40109ca7ad", Email = "taylor@example.com" };

    public static OrderPlaced Order(int i = 0)
    {
        var home = new Address("1600 Amphitheatre Parkway", "Building 4, Floor 2", "Mountain View", "CA", "94043", "US");
        var ship = new Address("221B Baker Street", null, "London", "Greater London", "NW1 6XE", "GB");
        var items = new List<LineItem>();
        for (var n = 0; n < 8; n++)
        {
            items.Add(new LineItem(
                $"SKU-{1000 + n}-BLK-M",
                $"Organic cotton t-shirt, model {n}",
                1 + (n % 3),
                19.99m + n,
                n % 2 == 0 ? 0m : 2.5m,
                new List<string> { "apparel", "summer-2026", n % 2 == 0 ? "bestseller" : "new" }));
        }

        return new OrderPlaced(
            OrderId: "ord_01H08W4TMBNKMEWFD0TYC5" + (i % 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
            Customer: new Customer("cus_645ea000129f1c40109ca7ad", "taylor@example.com", "Taylor Example", home, ship, true),
            Items: items,
            Metadata: new Dictionary<string, string>
            {
                ["channel"] = "web",
                ["campaign"] = "spring-sale-2026",
                ["referrer"] = "https://news.example.com/articles/best-t-shirts",
                ["userAgent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
                ["experiment"] = "checkout-v3",
                ["locale"] = "en-GB",
            },
            Currency: "USD",
            Subtotal: 275.88m,
            Tax: 22.07m,
            Total: 297.95m,
            PlacedAt: new DateTimeOffset(2026, 5, 15, 9, 30, 0, TimeSpan.FromHours(2)),
            CouponCode: null,
            Attempt: 1);
    }
}
