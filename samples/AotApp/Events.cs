using System.Text.Json.Serialization;
using Inngest;

namespace AotApp;

[JsonConverter(typeof(JsonStringEnumConverter<Plan>))]
public enum Plan
{
    Free,
    Pro,
    Enterprise,
}

public sealed record Address(string Line1, string City, string CountryCode);

public sealed record Customer(string Id, string Email, Address? ShippingAddress);

public sealed record LineItem(string Sku, int Quantity, decimal UnitPrice);

/// <summary>Nested records, a list, a dictionary, an enum, nullable members and dates.</summary>
[InngestEvent("shop/order.placed", Version = "2024-05-15.1")]
public sealed partial record OrderPlaced(
    string OrderId,
    Customer Customer,
    List<LineItem> Items,
    Dictionary<string, string> Metadata,
    Plan Plan,
    DateTimeOffset PlacedAt,
    DateOnly? DeliveryDate,
    decimal Total,
    string? CouponCode,
    Guid RequestId);

[InngestEvent("app/user.registered")]
public sealed partial record UserRegistered(string UserId, Plan Plan, IReadOnlyList<string> Tags, TimeSpan TrialLength, DateTime RegisteredAtUtc, int? ReferralCount);

/// <summary>The personal data of <see cref="IdentityVerified"/>: encrypted end to end, so Inngest only ever stores ciphertext.</summary>
public sealed record VerifiedIdentity(string LegalName, string Email, DateOnly DateOfBirth, Address Address, IReadOnlyList<string> Documents);

/// <summary>
/// An event whose <c>encrypted</c> member is encrypted by <c>Inngest.Typed.Encryption</c> (libsodium, the format of
/// <c>@inngest/middleware-encryption</c>); <c>userId</c> and <c>plan</c> stay readable. <c>[InngestEncrypted]</c> makes a
/// client without encryption refuse to send it, so the app sends it only when INNGEST_ENCRYPTION_KEY is set.
/// </summary>
[InngestEvent("app/identity.verified")]
public sealed partial record IdentityVerified(string UserId, Plan Plan, [InngestEncrypted] VerifiedIdentity Encrypted);

/// <summary>A received event: parsed (not sent) by the app, with the reader the generator writes for plain data.</summary>
[InngestEvent("shop/receipt.issued", ReceiveOnly = true)]
public sealed partial record ReceiptIssued(string ReceiptId, decimal Total, List<string> Lines, Dictionary<string, int> Counts, DateTimeOffset IssuedAt);
