namespace Inngest;

/// <summary>What is wrong with a received event; <see cref="InngestEventParseException.Error"/>.</summary>
public enum InngestEventParseError
{
    /// <summary>The input is not well-formed JSON, or not a JSON object (an array for the batch forms).</summary>
    InvalidJson,

    /// <summary>The event has no <c>name</c>, or its <c>name</c> is not a string.</summary>
    MissingName,

    /// <summary>The event's <c>name</c> is not the event name of the requested type.</summary>
    NameMismatch,

    /// <summary>The event's <c>v</c> is neither the requested type's version nor one it can upgrade from.</summary>
    UnknownVersion,

    /// <summary>The <c>data</c> does not match the payload type: a missing required member, a wrong JSON type, not an object.</summary>
    InvalidData,

    /// <summary>The <c>ts</c> is not a whole number of milliseconds since the Unix epoch.</summary>
    InvalidTimestamp,

    /// <summary>Another envelope field (<c>id</c>, <c>v</c>, <c>user</c>) has the wrong JSON type.</summary>
    InvalidEnvelope,

    /// <summary>An <see cref="IInngestEventUpgrade{TSelf, TPrevious}.UpgradeFrom"/> method threw.</summary>
    UpgradeFailed,

    /// <summary>An <see cref="InngestReceiveMiddleware"/> threw or returned data that is not an object.</summary>
    ReceiveMiddlewareFailed,

    /// <summary>Two different registered types declare the event's name and version.</summary>
    AmbiguousType,

    /// <summary>
    /// The member the type marks <see cref="InngestEncryptedAttribute"/> arrived still encrypted: parse with options that
    /// decrypt (<c>AddDecryption</c> of <c>Inngest.Typed.Encryption</c>) instead of reading it as its defaults.
    /// </summary>
    EncryptedDataNotDecrypted,
}
