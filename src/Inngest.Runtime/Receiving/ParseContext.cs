using System;
using System.Buffers;
using System.Text.Json;

namespace Inngest;

/// <summary>
/// One parse call's settings and position: the options' resolver, hooks and registry, and which event of a batch is
/// being read, so that every error names the event and its JSON path.
/// </summary>
internal sealed class ParseContext
{
    private static readonly InngestParseOptions DefaultOptions = new();

    private readonly InngestReceiveMiddleware[] _hooks;

    public ParseContext(InngestParseOptions? options, bool batch)
    {
        options ??= DefaultOptions;
        Resolver = options.Resolver;
        Registry = options.Registry ?? InngestEventRegistry.Default;
        _hooks = options.ReceiveMiddleware.Count == 0 ? Array.Empty<InngestReceiveMiddleware>() : SnapshotHooks(options);
        Batch = batch;
    }

    public JsonMetadataResolver Resolver { get; }

    public InngestEventRegistry Registry { get; }

    public bool HasHooks => _hooks.Length > 0;

    public bool Batch { get; }

    /// <summary>The index of the event being read in a batch; 0 for a single event.</summary>
    public int Index { get; set; }

    /// <summary>The reader options: deep enough that the data object may nest as deep as System.Text.Json allows on its own.</summary>
    public JsonReaderOptions ReaderOptions => new() { MaxDepth = Batch ? 66 : 65 };

    /// <summary>The JSON path of an envelope member: <c>$.ts</c>, or <c>$[2].ts</c> in a batch.</summary>
    public string PathOf(string member) => Batch ? "$[" + Index + "]." + member : "$." + member;

    /// <summary>The path of the event itself: <c>$</c> or <c>$[2]</c>.</summary>
    public string EventPath => Batch ? "$[" + Index + "]" : "$";

    /// <summary>How messages name the event: <c>The event 'app/x'</c>, or <c>Event 2 ('app/x')</c> in a batch.</summary>
    public string Describe(string? name)
        => (Batch ? "Event " + Index + " " : "The event ") + (name is null ? "(without a name)" : Batch ? "('" + name + "')" : "'" + name + "'");

    public InngestEventParseException Error(InngestEventParseError error, string? name, string? path, string message, Exception? inner = null)
        => new(error, name, path, message, inner);

    /// <summary>Turns what deserializing <c>data</c> threw into the event's error, with the member's path under <c>data</c>.</summary>
    public InngestEventParseException DataError(string name, string typeName, Exception ex)
    {
        if (ex is InngestEventParseException parse)
        {
            return parse;
        }

        var dataPath = PathOf("data");
        var path = ex is JsonException { Path: { Length: > 0 } relative } && relative[0] == '$' ? dataPath + relative.Substring(1) : dataPath;
        var what = ex is JsonException ? "does not match" : "cannot be read as";
        return Error(InngestEventParseError.InvalidData, name, path,
            $"{Describe(name)}: its data {what} {typeName} at {path} ({ex.Message}). Check that the sender and this record agree on the member's name and type, and that required members are sent.", ex);
    }

    /// <summary>Runs the receive hooks over the data; returns the bytes to deserialize.</summary>
    public ReadOnlySpan<byte> ApplyHooks(string name, scoped in EnvelopeFields fields, scoped ReadOnlySpan<byte> data)
    {
        JsonElement element;
        using (var document = JsonDocument.Parse(data.ToArray()))
        {
            element = document.RootElement.Clone();
        }

        var context = new InngestReceiveMiddlewareContext(name, fields.Version, fields.Id, Index);
        foreach (var hook in _hooks)
        {
            try
            {
                element = hook.TransformData(element, context);
            }
            catch (Exception ex)
            {
                throw Error(InngestEventParseError.ReceiveMiddlewareFailed, name, PathOf("data"),
                    $"{Describe(name)}: the receive middleware {hook.GetType().Name} failed ({ex.GetType().Name}: {ex.Message}). Fix the event or the middleware.", ex);
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Error(InngestEventParseError.ReceiveMiddlewareFailed, name, PathOf("data"),
                    $"{Describe(name)}: the receive middleware {hook.GetType().Name} returned {element.ValueKind} data; an event's data must be a JSON object.");
            }
        }

        var buffer = new ArrayBufferWriter<byte>(data.Length + 16);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return buffer.WrittenSpan;
    }

    private static InngestReceiveMiddleware[] SnapshotHooks(InngestParseOptions options)
    {
        var hooks = new InngestReceiveMiddleware[options.ReceiveMiddleware.Count];
        for (var i = 0; i < hooks.Length; i++)
        {
            hooks[i] = options.ReceiveMiddleware[i] ?? throw new InngestConfigurationException(
                $"InngestParseOptions.ReceiveMiddleware[{i}] is null. Remove the entry or add a middleware instance.");
        }

        return hooks;
    }
}
