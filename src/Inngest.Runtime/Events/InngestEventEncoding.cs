using System;
using System.Text.Encodings.Web;
using System.Text.Json;
using Inngest.Internal;

namespace Inngest;

/// <summary>
/// An event type's <c>name</c> and <c>v</c> encoded once, as the request body carries them. The source generator
/// gives every <see cref="InngestEventAttribute"/> type one (through <see cref="IInngestEventData{TSelf}.EventEncoding"/>),
/// so its events are written with the pre-encoded bytes and without re-checking the name on every send: the analyzer
/// checked it at compile time, and <see cref="Create"/> checks it again once per type.
/// </summary>
public sealed class InngestEventEncoding
{
    private InngestEventEncoding(string name, string? version)
    {
        NameText = name;
        VersionText = version;
        Name = JsonEncodedText.Encode(name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        Version = string.IsNullOrEmpty(version) ? null : JsonEncodedText.Encode(version, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
    }

    /// <summary>The event name this encodes (compared by the writer with the event's own, so a mismatch is never sent).</summary>
    internal string NameText { get; }

    /// <summary>The version this encodes.</summary>
    internal string? VersionText { get; }

    /// <summary>The name, JSON-escaped as the body's writer escapes it.</summary>
    internal JsonEncodedText Name { get; }

    /// <summary>The version, JSON-escaped, or null when no <c>v</c> is sent.</summary>
    internal JsonEncodedText? Version { get; }

    /// <summary>
    /// Encodes an event type's name and version once, after checking the name against the server's rules (the same
    /// rules the client checks for every other event).
    /// </summary>
    /// <param name="eventName">The event name, as <see cref="IInngestEventData{TSelf}.EventName"/> returns it.</param>
    /// <param name="eventVersion">The payload version, as <see cref="IInngestEventData{TSelf}.EventVersion"/> returns it.</param>
    /// <returns>The encoding, to return from <see cref="IInngestEventData{TSelf}.EventEncoding"/>.</returns>
    /// <exception cref="ArgumentException">The name breaks a server rule, or the name or version holds a lone surrogate.</exception>
    public static InngestEventEncoding Create(string eventName, string? eventVersion)
    {
        var violation = EventNameRules.Check(eventName);
        if (violation != EventNameRules.Violation.None)
        {
            throw new ArgumentException(EventNameRules.Describe(violation, eventName), nameof(eventName));
        }

        var encoding = new InngestEventEncoding(eventName, eventVersion);
        if (EnvelopeWriter.ContainsReplacedSurrogate(encoding.Name.EncodedUtf8Bytes)
            || (encoding.Version is { } v && EnvelopeWriter.ContainsReplacedSurrogate(v.EncodedUtf8Bytes)))
        {
            throw new ArgumentException($"The event name '{eventName}' or its version holds a lone surrogate (half of a UTF-16 pair); fix the broken character.", nameof(eventName));
        }

        return encoding;
    }

    /// <summary>Whether this encodes exactly <paramref name="name"/> and <paramref name="version"/> (reference-equal for generated types).</summary>
    internal bool Matches(string name, string? version)
        => string.Equals(NameText, name, StringComparison.Ordinal)
            && (string.IsNullOrEmpty(version) ? Version is null : string.Equals(VersionText, version, StringComparison.Ordinal));

    /// <summary>Returns the encoded name, never anything else.</summary>
    public override string ToString() => $"InngestEventEncoding {{ Name = {NameText} }}";
}
