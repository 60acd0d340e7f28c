using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inngest.Receiving.Tests;

// app/account.created: three versions in one chain. The first has no Version (an event without "v" is it).
[InngestEvent("app/account.created", MethodName = "AccountCreatedV0")]
public sealed partial record AccountCreatedV0(string AccountId);

[InngestEvent("app/account.created", Version = "2024-05-15.1")]
public sealed partial record AccountCreatedV1(string AccountId, string BillingPlan) : IInngestEventUpgrade<AccountCreatedV1, AccountCreatedV0>
{
    public static AccountCreatedV1 UpgradeFrom(AccountCreatedV0 previous) => new(previous.AccountId, "free");
}

[InngestEvent("app/account.created", Version = "2024-09-01.1")]
public sealed partial record AccountCreated(string AccountId, string BillingPlan, int Seats) : IInngestEventUpgrade<AccountCreated, AccountCreatedV1>
{
    public static AccountCreated UpgradeFrom(AccountCreatedV1 previous) => new(previous.AccountId, previous.BillingPlan, 1);
}

// app/order.placed: every record has a Version, so an event without "v" goes to the first of the chain.
[InngestEvent("app/order.placed", Version = "2024-01-01.9")]
public sealed partial record OrderPlacedV1(string OrderId, decimal Total);

[InngestEvent("app/order.placed", Version = "2024-01-01.10")]
public sealed partial record OrderPlaced(string OrderId, decimal Total, string Currency) : IInngestEventUpgrade<OrderPlaced, OrderPlacedV1>
{
    public static OrderPlaced UpgradeFrom(OrderPlacedV1 previous)
        => previous.Total < 0 ? throw new InvalidOperationException("a negative total cannot be upgraded") : new(previous.OrderId, previous.Total, "USD");
}

// A single record with a Version and optional members: what the npm SDK sends with fields left out.
[InngestEvent("app/signup.started", Version = "2024-05-15.1")]
public sealed partial record SignupStarted(string Email, string? Referrer = null, int? Seats = null, List<string>? Tags = null);

// Required members, for the missing-member errors.
[InngestEvent("app/payment.received")]
public sealed partial record PaymentReceived
{
    public required string PaymentId { get; init; }

    public required decimal Amount { get; init; }

    public PaymentDetails? Details { get; init; }
}

public sealed record PaymentDetails(string Method, int Installments);

// Inngest's own event, received by a failure handler: declared receive-only, so no send method exists.
[InngestEvent("inngest/function.failed", ReceiveOnly = true)]
public sealed partial record FunctionFailed(
    [property: JsonPropertyName("function_id")] string FunctionId,
    [property: JsonPropertyName("run_id")] string RunId,
    JsonElement Error,
    JsonElement Event);

// A plain event for the registry and batch tests.
[InngestEvent("app/seat.added")]
public sealed partial record SeatAdded(string AccountId, int Count);
