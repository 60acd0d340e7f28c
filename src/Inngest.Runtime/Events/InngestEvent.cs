using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Inngest;

/// <summary>
/// One event to send: a name, a <c>data</c> payload and the optional <c>user</c>, <c>id</c>,
/// <c>ts</c> and <c>v</c> fields of the Inngest Event API.
/// </summary>
/// <remarks>
/// Create typed events with <see cref="Create{T}(T, InngestUser?, string?, DateTimeOffset?)"/> (or the
/// <c>ToEvent()</c> extension) for <see cref="InngestEventAttribute"/> types, with
/// <see cref="InngestEvent{T}(string, T, JsonTypeInfo{T})"/> for any type that has
/// <see cref="JsonTypeInfo{T}"/> metadata, or with <see cref="FromJson(string, JsonElement, InngestUser?, string?, DateTimeOffset?, string?)"/> for
/// untyped JSON. Events of different types can be sent together in one batch.
/// </remarks>
public abstract partial class InngestEvent
{
    private protected InngestEvent(string name)
    {
        Name = name;
    }

    /// <summary>The event name, sent as <c>name</c>.</summary>
    public string Name { get; }

    /// <summary>User identifying data, sent as <c>user</c>; encrypted at rest by Inngest.</summary>
    public InngestUser? User { get; init; }

    /// <summary>
    /// The idempotency key, sent as <c>id</c>: another event with the same id within 24 hours is
    /// stored but starts no function run. <see langword="null"/> or empty sends no <c>id</c>.
    /// </summary>
    public string? Id { get; init; }

    /// <summary>
    /// When the event happened, sent as <c>ts</c> in milliseconds since the Unix epoch. A time in the
    /// future schedules the triggered runs to start then. When <see langword="null"/>, the client
    /// sends the time of the send call. Must lie between 1980-01-01 and 2100-01-01.
    /// </summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The payload version, sent as <c>v</c>, for example <c>2024-05-15.1</c>.</summary>
    public string? Version { get; init; }

    /// <summary>
    /// The top-level field of <c>data</c> whose value must be encrypted before the event leaves the process, or
    /// <see langword="null"/>. <see cref="Create{T}(T, InngestUser?, string?, DateTimeOffset?)"/> sets it from the
    /// member marked <see cref="InngestEncryptedAttribute"/>; set it yourself on an event you construct
    /// (<c>new InngestEvent&lt;T&gt;(name, data, typeInfo) { EncryptedField = "encrypted" }</c>) that carries personal data.
    /// A client refuses to send the event, before any request, unless one of its send middleware encrypts this field
    /// (<see cref="InngestSendMiddleware.EncryptsField(string)"/>).
    /// </summary>
    public string? EncryptedField { get; init; }

    /// <summary>
    /// The pre-encoded name and version of an event made by <see cref="Create{T}(T, InngestUser?, string?, DateTimeOffset?)"/>
    /// for a type that has them (every generated one), else null: the envelope writer then checks and encodes the name itself.
    /// </summary>
    internal InngestEventEncoding? Encoding { get; init; }

    /// <summary>True when there is no payload; the envelope then carries <c>"data":{}</c>.</summary>
    internal abstract bool HasNoData { get; }

    /// <summary>
    /// Writes the <c>data</c> value, <c>{}</c> when there is none (<see cref="HasNoData"/>); <paramref name="resolver"/>
    /// supplies the JSON metadata. One virtual call per event: the envelope writer is shared by every event type, so
    /// each indirect call in it is one more guess for dynamic PGO to get wrong when several types are sent.
    /// </summary>
    internal abstract void WriteData(Utf8JsonWriter writer, JsonMetadataResolver resolver);

    /// <summary>
    /// Creates the event for a payload type annotated with <see cref="InngestEventAttribute"/>, using
    /// its generated name, version and JSON metadata.
    /// </summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="data">The payload, sent as <c>data</c>; not null.</param>
    /// <param name="user">Optional user identifying data.</param>
    /// <param name="id">Optional idempotency key.</param>
    /// <param name="timestamp">Optional event time; a future time schedules the run.</param>
    public static InngestEvent<T> Create<T>(T data, InngestUser? user = null, string? id = null, DateTimeOffset? timestamp = null)
        where T : IInngestEventData<T>
        => new(T.EventName, data ?? throw NullData<T>(), T.JsonTypeInfo)
        {
            Version = T.EventVersion,
            Encoding = T.EventEncoding,
            EncryptedField = T.EncryptedField,
            User = user,
            Id = id,
            Timestamp = timestamp,
        };

    /// <summary>Creates an untyped event whose <c>data</c> is the given JSON object.</summary>
    /// <param name="name">The event name.</param>
    /// <param name="data">A JSON object; <c>null</c> or an undefined element sends <c>{}</c>.</param>
    /// <param name="user">Optional user identifying data.</param>
    /// <param name="id">Optional idempotency key.</param>
    /// <param name="timestamp">Optional event time; a future time schedules the run.</param>
    /// <param name="version">Optional payload version, sent as <c>v</c>.</param>
    public static InngestEvent FromJson(string name, JsonElement data, InngestUser? user = null, string? id = null, DateTimeOffset? timestamp = null, string? version = null)
        => new JsonInngestEvent(name, data) { User = user, Id = id, Timestamp = timestamp, Version = version };

    /// <summary>Creates an untyped event whose <c>data</c> is the given JSON object text.</summary>
    /// <param name="name">The event name.</param>
    /// <param name="json">The text of a JSON object, for example <c>{"postId":"01H08SEAXBJFJNGTTZ5TAWB0BD"}</c>.</param>
    /// <param name="user">Optional user identifying data.</param>
    /// <param name="id">Optional idempotency key.</param>
    /// <param name="timestamp">Optional event time; a future time schedules the run.</param>
    /// <param name="version">Optional payload version, sent as <c>v</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not well-formed JSON.</exception>
    public static InngestEvent FromJson(string name, string json, InngestUser? user = null, string? id = null, DateTimeOffset? timestamp = null, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return FromJson(name, document.RootElement.Clone(), user, id, timestamp, version);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException(
                $"The data of event '{name}' is not well-formed JSON ({ex.Message}). Pass the text of a JSON object such as {{\"key\":\"value\"}}.",
                nameof(json), ex);
        }
    }

    // A typed event always has its payload: a null one (SendXAsync(null!), a null in a batch) would otherwise go
    // out as "data":{}, losing the caller's mistake, so it is rejected here, before any request.
    private static ArgumentNullException NullData<T>()
        where T : IInngestEventData<T>
        => new("data", $"The data of event '{T.EventName}' is null. Pass a {typeof(T).Name} instance; every typed event needs its payload.");

    /// <summary>Returns the event name and type, never the payload or user data.</summary>
    public override string ToString() => $"InngestEvent {{ Name = {Name} }}";
}

/// <summary>An event whose <c>data</c> is a <typeparamref name="T"/> written with its JSON metadata.</summary>
/// <typeparam name="T">The payload type.</typeparam>
public sealed class InngestEvent<T> : InngestEvent
{
    /// <summary>Creates an event for a payload with the given JSON metadata.</summary>
    /// <param name="name">The event name.</param>
    /// <param name="data">The payload, sent as <c>data</c>; it must serialize to a JSON object (null sends <c>{}</c>).</param>
    /// <param name="jsonTypeInfo">
    /// The metadata that writes <paramref name="data"/>, for example from a
    /// <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> of your own.
    /// </param>
    public InngestEvent(string name, T data, JsonTypeInfo<T> jsonTypeInfo)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        Data = data;
        JsonTypeInfo = jsonTypeInfo;
    }

    /// <summary>The payload, sent as <c>data</c>.</summary>
    public T Data { get; }

    /// <summary>The metadata that writes <see cref="Data"/>.</summary>
    public JsonTypeInfo<T> JsonTypeInfo { get; }

    internal override bool HasNoData => Data is null;

    // Whatever the serializer, a converter or a getter throws is turned into the event's validation error by the
    // envelope writer, with the original exception inside.
    internal override void WriteData(Utf8JsonWriter writer, JsonMetadataResolver resolver)
    {
        if (Data is null)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
        else if (Encoding is not null && resolver.IsDefault && JsonTypeInfo.SerializeHandler is { } fastPath && IsOwnContextsFastPath(JsonTypeInfo))
        {
            // The type's generated fast path, called directly as System.Text.Json's root-level call would call it
            // (without that call's set-up and its flush of the writer after every event).
            fastPath(writer, Data);
        }
        else
        {
            JsonSerializer.Serialize(writer, Data, resolver.Resolve(JsonTypeInfo));
        }
    }

    /// <summary>
    /// Whether System.Text.Json itself would run the fast path for this metadata: it comes from a context bound to its
    /// own options with no converters registered on them (true for the generated context, whose options are its
    /// defaults). Other metadata goes through <see cref="JsonSerializer"/>, which decides.
    /// </summary>
    internal static bool IsOwnContextsFastPath(JsonTypeInfo<T> typeInfo)
        => typeInfo.OriginatingResolver is System.Text.Json.Serialization.JsonSerializerContext context
            && ReferenceEquals(typeInfo.Options.TypeInfoResolver, context)
            && typeInfo.Options.Converters.Count == 0;
}

/// <summary>
/// An event whose <c>data</c> is raw JSON: what <see cref="InngestEvent.FromJson(string, JsonElement, InngestUser?, string?, DateTimeOffset?, string?)"/>
/// creates, and what <see cref="InngestEvent.Parse(string, InngestParseOptions?)"/> returns for an event no registered
/// <see cref="InngestEventAttribute"/> type describes (an unknown name or version).
/// </summary>
public sealed class JsonInngestEvent : InngestEvent
{
    /// <summary>
    /// Creates an untyped event, as <see cref="InngestEvent.FromJson(string, JsonElement, InngestUser?, string?, DateTimeOffset?, string?)"/>
    /// does; with an object initializer it can also set <see cref="InngestEvent.EncryptedField"/>, for events rebuilt
    /// from stored JSON whose type marks a member <see cref="InngestEncryptedAttribute"/>.
    /// </summary>
    /// <param name="name">The event name.</param>
    /// <param name="data">A JSON object; <c>null</c> or an undefined element sends <c>{}</c>.</param>
    public JsonInngestEvent(string name, JsonElement data)
        : base(name)
    {
        Data = data;
    }

    /// <summary>The <c>data</c> JSON as it is; <see cref="JsonValueKind.Undefined"/> or null sends <c>{}</c>.</summary>
    public JsonElement Data { get; }

    internal override bool HasNoData => Data.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null;

    internal override void WriteData(Utf8JsonWriter writer, JsonMetadataResolver resolver)
    {
        if (HasNoData)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
        else
        {
            Data.WriteTo(writer);
        }
    }
}
