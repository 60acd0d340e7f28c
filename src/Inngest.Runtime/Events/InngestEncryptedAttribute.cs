using System;

namespace Inngest;

/// <summary>
/// Marks the one member of an event's <c>data</c> that holds what must be encrypted end to end (personal data), as the
/// field the encryption middleware encrypts: <c>@inngest/middleware-encryption</c>'s <c>eventEncryptionField</c>,
/// <c>encrypted</c> by default.
/// </summary>
/// <remarks>
/// <para>
/// The generator gives the event type <see cref="IInngestEventData{TSelf}.EncryptedField"/> (the member's JSON name), so
/// every event made from it carries <see cref="InngestEvent.EncryptedField"/>, and a client refuses to send it, before
/// any request, unless one of its send middleware encrypts that field (<see cref="InngestSendMiddleware.EncryptsField"/>:
/// the <c>Inngest.Typed.Encryption</c> package's middleware). A client without encryption can then never put the
/// member's value on the wire in plaintext by mistake.
/// </para>
/// <para>
/// The analyzers check the declaration at compile time: the member must be a top-level member of an
/// <see cref="InngestEventAttribute"/> type's data, written as JSON, the only one marked (the middleware encrypts one
/// field), and its JSON name must be the configured field: <c>encrypted</c>, or the MSBuild property
/// <c>InngestEncryptionField</c> when the functions use another <c>eventEncryptionField</c>.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// [InngestEvent("app/user.signed-up")]
/// public sealed partial record UserSignedUp(string Plan, [InngestEncrypted] PersonalData Encrypted);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class InngestEncryptedAttribute : Attribute
{
}
