using System;
using System.Buffers;
using System.Text.Json;

namespace Inngest;

/// <summary>What a <see cref="InngestSendMiddleware"/> knows about the event it transforms, and helpers to change it.</summary>
public sealed class InngestSendMiddlewareContext
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private readonly JsonMetadataResolver _resolver;

    internal InngestSendMiddlewareContext(int eventIndex, int eventCount, JsonMetadataResolver resolver)
    {
        EventIndex = eventIndex;
        EventCount = eventCount;
        _resolver = resolver;
    }

    /// <summary>The index of the event in the list given to the send call.</summary>
    public int EventIndex { get; }

    /// <summary>How many events the send call holds.</summary>
    public int EventCount { get; }

    /// <summary>
    /// Returns the event's <c>data</c> as the client would write it: serialized with the event's JSON metadata and the
    /// client's <see cref="InngestClientOptions.JsonTypeInfoResolver"/>; an event without data gives an empty object.
    /// </summary>
    /// <param name="evt">The event whose data to read.</param>
    /// <returns>A JSON element that stays valid after the call.</returns>
    public JsonElement SerializeData(InngestEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (evt.HasNoData)
        {
            return EmptyObject;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, EnvelopeWriter.WriterOptions))
        {
            evt.WriteData(writer, _resolver);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Returns a copy of <paramref name="evt"/> (same name, <c>user</c>, <c>id</c>, <c>ts</c> and <c>v</c>) whose
    /// <c>data</c> is <paramref name="data"/>. A hook that changes other fields too builds its event with
    /// <see cref="InngestEvent.FromJson(string, JsonElement, InngestUser?, string?, DateTimeOffset?, string?)"/>.
    /// </summary>
    /// <param name="evt">The event to copy.</param>
    /// <param name="data">The new data; it must be a JSON object (checked when the event is written).</param>
    public InngestEvent ReplaceData(InngestEvent evt, JsonElement data)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return InngestEvent.FromJson(evt.Name, data, evt.User, evt.Id, evt.Timestamp, evt.Version);
    }
}
