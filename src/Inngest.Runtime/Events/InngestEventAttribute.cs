using System;

namespace Inngest;

/// <summary>
/// Marks a <c>partial</c> record, record struct, class or struct as the <c>data</c> of an Inngest event.
/// The Inngest.Typed source generator then gives the type <c>EventName</c> and <c>EventVersion</c>
/// constants, an implementation of <see cref="IInngestEventData{TSelf}"/>, AOT-safe JSON metadata and a
/// typed <c>Send&lt;Name&gt;Async</c> extension method on <see cref="IInngestClient"/>.
/// </summary>
/// <example>
/// <code>
/// [InngestEvent("app/account.created", Version = "2024-05-15.1")]
/// public sealed partial record AccountCreated(string AccountId, string BillingPlan);
///
/// await inngest.SendAccountCreatedAsync(new AccountCreated("645e9f6794e10937e9bdc201", "pro"));
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class InngestEventAttribute : Attribute
{
    /// <summary>Creates the attribute for the event called <paramref name="name"/>.</summary>
    /// <param name="name">
    /// The event name, in lowercase dot notation with an optional <c>prefix/</c>, for example
    /// <c>app/account.created</c>. Names starting with <c>inngest/</c> are reserved.
    /// </param>
    public InngestEventAttribute(string name) => Name = name;

    /// <summary>The event name sent as <c>name</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// The payload version sent as <c>v</c>, for example <c>2024-05-15.1</c> (date, dot, counter).
    /// When not set, no <c>v</c> is sent.
    /// </summary>
    public string? Version { get; set; }

    /// <summary>
    /// The name of the generated send method without the <c>Send</c> prefix and <c>Async</c> suffix.
    /// Defaults to the type name without a trailing <c>Event</c>: <c>AccountCreatedEvent</c> gives
    /// <c>SendAccountCreatedAsync</c>.
    /// </summary>
    public string? MethodName { get; set; }

    /// <summary>
    /// Declares the event for receiving only: no send method is generated, and the name may be one of Inngest's own
    /// system events (<c>inngest/function.failed</c>, <c>inngest/function.finished</c>, ...), which Inngest sends to
    /// functions but nobody else may send. Parse it with <see cref="InngestEvent.Parse{T}(string, InngestParseOptions?)"/>.
    /// </summary>
    public bool ReceiveOnly { get; set; }

    /// <summary>
    /// An idempotency id template: the generated send methods fill the event's <c>id</c> from the payload when the
    /// caller gives none, for example <c>"cart-{CartId}-{Attempt}"</c>. <c>{Member}</c> names a property or field of
    /// the type whose value is a scalar (string, char, bool, a number, an enum, Guid, a date or time type, or a
    /// nullable one), formatted the same on every machine (invariant culture; dates in the round-trip format, enums
    /// by name); <c>{Member??text}</c> gives the text to use when the member is null; <c>{{</c> and <c>}}</c> are
    /// literal braces. Inngest deduplicates ids across all event names for 24 hours, so keep something of the
    /// event's own name in the literal text (INNG023). The template is also shown in the event catalog and in the
    /// TypeScript module.
    /// </summary>
    public string? Id { get; set; }
}
