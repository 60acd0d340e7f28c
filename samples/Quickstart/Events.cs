using Inngest;

namespace Quickstart;

/// <summary>A new account: <c>app/account.created</c>.</summary>
[InngestEvent("app/account.created")]
public sealed partial record AccountCreated(string AccountId, string BillingPlan);

/// <summary>An invoice was created: <c>app/invoice.created</c>.</summary>
[InngestEvent("app/invoice.created")]
public sealed partial record InvoiceCreated(string InvoiceId);

/// <summary>A cart was checked out: <c>storefront/cart.checkout.completed</c>, version 2024-05-15.1.</summary>
[InngestEvent("storefront/cart.checkout.completed", Version = "2024-05-15.1")]
public sealed partial record CartCheckoutCompleted(string CartId);
