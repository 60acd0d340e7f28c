using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Inngest;

/// <summary>
/// Implemented by the source generator on every <see cref="InngestEventAttribute"/> type: the event's
/// name, its payload version and the AOT-safe JSON metadata of the payload. Generic code (mixed
/// batches, test doubles, <see cref="InngestClientExtensions.SendAsync{T}(IInngestClient, T, InngestUser?, string?, System.DateTimeOffset?, InngestSendOptions?, System.Threading.CancellationToken)"/>)
/// reads these members instead of using reflection.
/// </summary>
/// <typeparam name="TSelf">The implementing payload type.</typeparam>
public interface IInngestEventData<TSelf> where TSelf : IInngestEventData<TSelf>
{
    /// <summary>The event name sent as <c>name</c>.</summary>
    static abstract string EventName { get; }

    /// <summary>The payload version sent as <c>v</c>, or <see langword="null"/> to send none.</summary>
    static abstract string? EventVersion { get; }

    /// <summary>The JSON metadata that writes the payload as the event's <c>data</c> object.</summary>
    static abstract JsonTypeInfo<TSelf> JsonTypeInfo { get; }

    /// <summary>
    /// The event's name and version pre-encoded for the request body (see <see cref="InngestEventEncoding.Create"/>),
    /// or <see langword="null"/> (the default, for hand-written implementations) to have every event's name checked and
    /// encoded when it is sent. The generator implements it for every <see cref="InngestEventAttribute"/> type.
    /// </summary>
    static virtual InngestEventEncoding? EventEncoding => null;

    /// <summary>
    /// The JSON name of the <c>data</c> member marked <see cref="InngestEncryptedAttribute"/>, or <see langword="null"/>
    /// (the default) when the event has none. Events made by <see cref="InngestEvent.Create{T}(T, InngestUser?, string?, System.DateTimeOffset?)"/>
    /// carry it as <see cref="InngestEvent.EncryptedField"/>, so a client without encryption refuses to send them.
    /// </summary>
    static virtual string? EncryptedField => null;

    /// <summary>
    /// True when the type upgrades from an earlier version of its event (it implements
    /// <see cref="IInngestEventUpgrade{TSelf, TPrevious}"/>); generated, so parsing needs no reflection.
    /// </summary>
    static virtual bool HasEarlierVersion => false;

    /// <summary>
    /// Reads the received <c>data</c> object the reader is on (its <c>StartObject</c>) with generated code, leaving the
    /// reader on its <c>EndObject</c>; the generator implements it for payloads whose reading it spells out (plain
    /// objects, strings, numbers, dates, lists, dictionaries). It returns false, wherever the reader then is, for any
    /// input it does not spell out (a member name that matches only ignoring case, a repeated member, a quoted
    /// number); the caller then reads the data with <see cref="JsonTypeInfo"/> from the start, so the result is always
    /// what System.Text.Json reads. The default reads nothing.
    /// </summary>
    /// <param name="reader">A reader on the data object's start.</param>
    /// <param name="value">The payload when the method returns true.</param>
    /// <returns>False when the data is to be read with the metadata instead.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    static virtual bool TryReadData(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out TSelf value)
    {
        value = default;
        return false;
    }

    /// <summary>
    /// Reads <c>data</c> of an earlier version of this event and upgrades it, step by step, to this type. Generated
    /// for types that implement <see cref="IInngestEventUpgrade{TSelf, TPrevious}"/>; the default knows no earlier version.
    /// </summary>
    /// <param name="reader">The received data and its version.</param>
    /// <param name="value">The upgraded payload when the method returns true.</param>
    /// <returns>False when no earlier version in the chain matches the received one.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    static virtual bool TryReadEarlierVersion(InngestEventDataReader reader, [MaybeNullWhen(false)] out TSelf value)
    {
        value = default;
        return false;
    }
}
