using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Inngest.Samples.AspNetCore;

/// <summary>Sent when someone signs up; starts the onboarding functions.</summary>
/// <param name="AccountId">The new account.</param>
/// <param name="BillingPlan">The plan chosen at signup.</param>
[InngestEvent("app/account.created")]
public sealed partial record AccountCreated(string AccountId, string BillingPlan) : IInngestEventData<AccountCreated>
{
    // Hand-written until the Inngest.Typed generator is referenced; the generator emits these members.
    static string IInngestEventData<AccountCreated>.EventName => "app/account.created";

    static string? IInngestEventData<AccountCreated>.EventVersion => null;

    static JsonTypeInfo<AccountCreated> IInngestEventData<AccountCreated>.JsonTypeInfo => AccountCreatedJson.Default.AccountCreated;
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AccountCreated))]
internal sealed partial class AccountCreatedJson : JsonSerializerContext
{
}
