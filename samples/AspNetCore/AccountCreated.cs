namespace Inngest.Samples.AspNetCore;

/// <summary>Sent when someone signs up; starts the onboarding functions.</summary>
/// <param name="AccountId">The new account.</param>
/// <param name="BillingPlan">The plan chosen at signup.</param>
[InngestEvent("app/account.created")]
public sealed partial record AccountCreated(string AccountId, string BillingPlan);
