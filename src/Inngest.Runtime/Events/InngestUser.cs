using System.Text.Json.Nodes;

namespace Inngest;

/// <summary>
/// User identifying data sent as the event's <c>user</c> object. Inngest encrypts it at rest.
/// </summary>
/// <remarks>
/// Inngest marks <c>user</c> as deprecated in favour of putting such fields in <c>data</c>, but still
/// accepts and encrypts it. The object carries personal data: this library never logs it.
/// </remarks>
public sealed class InngestUser
{
    /// <summary>The user's id in your system, sent as <c>external_id</c>.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The user's email address, sent as <c>email</c>.</summary>
    public string? Email { get; init; }

    /// <summary>The user's phone number, sent as <c>phone</c>.</summary>
    public string? Phone { get; init; }

    /// <summary>
    /// Further free-form attributes, written after the fields above in their insertion order, for
    /// example <c>new JsonObject { ["plan"] = "pro", ["seats"] = 3 }</c>. The keys <c>external_id</c>,
    /// <c>email</c> and <c>phone</c> are reserved for the properties above.
    /// </summary>
    public JsonObject? Attributes { get; init; }

    /// <summary>Returns a description that omits the personal data this object carries.</summary>
    public override string ToString() => nameof(InngestUser) + " { (redacted) }";
}
