namespace Inngest;

/// <summary>
/// Declares that an <see cref="InngestEventAttribute"/> type is the next version of <typeparamref name="TPrevious"/>
/// (the same event name, an earlier <c>Version</c>) and how to turn an old payload into a new one. Parsing an event
/// of any earlier version of the chain as <typeparamref name="TSelf"/> reads it with its own record and upgrades it
/// one step at a time; <see cref="InngestEvent.ReceivedVersion"/> keeps the <c>v</c> that arrived.
/// </summary>
/// <typeparam name="TSelf">The newer payload type.</typeparam>
/// <typeparam name="TPrevious">The payload type of the version just before it.</typeparam>
/// <example>
/// <code>
/// [InngestEvent("app/account.created", Version = "2024-05-15.1")]
/// public sealed partial record AccountCreatedV1(string AccountId);
///
/// [InngestEvent("app/account.created", Version = "2024-09-01.1")]
/// public sealed partial record AccountCreated(string AccountId, string BillingPlan)
///     : IInngestEventUpgrade&lt;AccountCreated, AccountCreatedV1&gt;
/// {
///     public static AccountCreated UpgradeFrom(AccountCreatedV1 previous) => new(previous.AccountId, "free");
/// }
/// </code>
/// </example>
public interface IInngestEventUpgrade<TSelf, TPrevious> : IInngestEventData<TSelf>
    where TSelf : IInngestEventUpgrade<TSelf, TPrevious>
    where TPrevious : IInngestEventData<TPrevious>
{
    /// <summary>Builds this version's payload from the previous version's. An exception fails the parse with <see cref="InngestEventParseError.UpgradeFailed"/>.</summary>
    /// <param name="previous">The payload as the previous version's record read it.</param>
    static abstract TSelf UpgradeFrom(TPrevious previous);
}
