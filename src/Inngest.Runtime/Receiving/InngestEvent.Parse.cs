using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Inngest;

// Receiving: the parse methods. An event as Inngest delivers it to functions and as every SDK sends it:
// {"name", "data", "id", "ts", "v", "user"}; other members (such as "meta") are ignored.
public abstract partial class InngestEvent
{
    /// <summary>
    /// Parses a received event as <typeparamref name="T"/>: checks that its <c>name</c> is <typeparamref name="T"/>'s
    /// event name, reads <c>data</c> with the generated metadata (upgrading an earlier version, see
    /// <see cref="IInngestEventUpgrade{TSelf, TPrevious}"/>), and keeps <c>id</c>, <c>ts</c>, <c>v</c> and <c>user</c>.
    /// The result is the type used to send, so it can be sent again or forwarded.
    /// </summary>
    /// <typeparam name="T">An <see cref="InngestEventAttribute"/> type.</typeparam>
    /// <param name="json">The event's JSON text.</param>
    /// <param name="options">The JSON resolver, receive hooks and registry; <see langword="null"/> for the defaults.</param>
    /// <exception cref="InngestEventParseException">The event cannot be read as <typeparamref name="T"/>; <see cref="InngestEventParseException.Error"/> says why.</exception>
    public static InngestEvent<T> Parse<T>(string json, InngestParseOptions? options = null)
        where T : IInngestEventData<T>
    {
        ArgumentNullException.ThrowIfNull(json);
        using var utf8 = Utf8Input.FromString(json);
        return ReceivedEventParser.ParseTyped<T>(utf8.Span, new ParseContext(options, batch: false));
    }

    /// <summary>Parses a received event, given as UTF-8 JSON, as <typeparamref name="T"/>; see <see cref="Parse{T}(string, InngestParseOptions?)"/>.</summary>
    /// <typeparam name="T">An <see cref="InngestEventAttribute"/> type.</typeparam>
    /// <param name="utf8Json">The event's UTF-8 JSON (for a <see cref="ReadOnlyMemory{T}"/>, pass its <c>Span</c>).</param>
    /// <param name="options">The JSON resolver, receive hooks and registry; <see langword="null"/> for the defaults.</param>
    /// <exception cref="InngestEventParseException">The event cannot be read as <typeparamref name="T"/>.</exception>
    public static InngestEvent<T> Parse<T>(ReadOnlySpan<byte> utf8Json, InngestParseOptions? options = null)
        where T : IInngestEventData<T>
        => ReceivedEventParser.ParseTyped<T>(utf8Json, new ParseContext(options, batch: false));

    /// <summary>Parses a received event, given as a JSON element, as <typeparamref name="T"/>; see <see cref="Parse{T}(string, InngestParseOptions?)"/>.</summary>
    /// <typeparam name="T">An <see cref="InngestEventAttribute"/> type.</typeparam>
    /// <param name="json">The event object.</param>
    /// <param name="options">The JSON resolver, receive hooks and registry; <see langword="null"/> for the defaults.</param>
    /// <exception cref="InngestEventParseException">The event cannot be read as <typeparamref name="T"/>.</exception>
    public static InngestEvent<T> Parse<T>(JsonElement json, InngestParseOptions? options = null)
        where T : IInngestEventData<T>
        => ReceivedEventParser.ParseTyped<T>(Utf8Input.FromElement(json).Span, new ParseContext(options, batch: false));

    /// <summary>Reads a received event from a stream of UTF-8 JSON (for example a request body) and parses it as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">An <see cref="InngestEventAttribute"/> type.</typeparam>
    /// <param name="utf8Json">The stream; read to its end, not disposed.</param>
    /// <param name="options">The JSON resolver, receive hooks and registry; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops reading the stream.</param>
    /// <exception cref="InngestEventParseException">The event cannot be read as <typeparamref name="T"/>.</exception>
    public static async ValueTask<InngestEvent<T>> ParseAsync<T>(Stream utf8Json, InngestParseOptions? options = null, CancellationToken cancellationToken = default)
        where T : IInngestEventData<T>
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var utf8 = await Utf8Input.FromStreamAsync(utf8Json, cancellationToken).ConfigureAwait(false);
        return ReceivedEventParser.ParseTyped<T>(utf8.Span, new ParseContext(options, batch: false));
    }

    /// <summary>Parses a batch of received events (a JSON array, as functions with <c>batchEvents</c> get them), all of <typeparamref name="T"/>'s event.</summary>
    /// <typeparam name="T">An <see cref="InngestEventAttribute"/> type.</typeparam>
    /// <param name="json">The JSON array text.</param>
    /// <param name="options">The JSON resolver, receive hooks and registry; <see langword="null"/> for the defaults.</param>
    /// <exception cref="InngestEventParseException">An event cannot be read; the message and <see cref="InngestEventParseException.Path"/> give its index.</exception>
    public static IReadOnlyList<InngestEvent<T>> ParseBatch<T>(string json, InngestParseOptions? options = null)
        where T : IInngestEventData<T>
    {
        ArgumentNullException.ThrowIfNull(json);
        using var utf8 = Utf8Input.FromString(json);
        return ReceivedEventParser.ParseTypedBatch<T>(utf8.Span, new ParseContext(options, batch: true));
    }

    /// <summary>Parses a batch of received events given as UTF-8 JSON; see <see cref="ParseBatch{T}(string, InngestParseOptions?)"/>.</summary>
    /// <typeparam name="T">An <see cref="InngestEventAttribute"/> type.</typeparam>
    /// <param name="utf8Json">The JSON array as UTF-8.</param>
    /// <param name="options">The JSON resolver, receive hooks and registry; <see langword="null"/> for the defaults.</param>
    /// <exception cref="InngestEventParseException">An event cannot be read.</exception>
    public static IReadOnlyList<InngestEvent<T>> ParseBatch<T>(ReadOnlySpan<byte> utf8Json, InngestParseOptions? options = null)
        where T : IInngestEventData<T>
        => ReceivedEventParser.ParseTypedBatch<T>(utf8Json, new ParseContext(options, batch: true));

    /// <summary>Tries to parse a received event as <typeparamref name="T"/>; never throws for bad input.</summary>
    /// <typeparam name="T">An <see cref="InngestEventAttribute"/> type.</typeparam>
    /// <param name="json">The event's JSON text; <see langword="null"/> gives false.</param>
    /// <param name="event">The event when the method returns true.</param>
    /// <returns>Whether the event could be read as <typeparamref name="T"/>.</returns>
    public static bool TryParse<T>([NotNullWhen(true)] string? json, [NotNullWhen(true)] out InngestEvent<T>? @event)
        where T : IInngestEventData<T>
        => TryParse(json, null, out @event, out _);

    /// <summary>Tries to parse a received event as <typeparamref name="T"/>, and says why not; never throws for bad input.</summary>
    /// <typeparam name="T">An <see cref="InngestEventAttribute"/> type.</typeparam>
    /// <param name="json">The event's JSON text; <see langword="null"/> gives false.</param>
    /// <param name="options">The JSON resolver, receive hooks and registry; <see langword="null"/> for the defaults.</param>
    /// <param name="event">The event when the method returns true.</param>
    /// <param name="error">What is wrong when the method returns false.</param>
    /// <returns>Whether the event could be read as <typeparamref name="T"/>.</returns>
    public static bool TryParse<T>([NotNullWhen(true)] string? json, InngestParseOptions? options, [NotNullWhen(true)] out InngestEvent<T>? @event, [NotNullWhen(false)] out InngestEventParseException? error)
        where T : IInngestEventData<T>
    {
        if (json is null)
        {
            @event = null;
            error = NullInput();
            return false;
        }

        using var utf8 = Utf8Input.FromString(json);
        return TryParse(utf8.Span, options, out @event, out error);
    }

    /// <summary>Tries to parse a received event, given as UTF-8 JSON, as <typeparamref name="T"/>; never throws for bad input.</summary>
    /// <typeparam name="T">An <see cref="InngestEventAttribute"/> type.</typeparam>
    /// <param name="utf8Json">The event's UTF-8 JSON.</param>
    /// <param name="event">The event when the method returns true.</param>
    /// <returns>Whether the event could be read as <typeparamref name="T"/>.</returns>
    public static bool TryParse<T>(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out InngestEvent<T>? @event)
        where T : IInngestEventData<T>
        => TryParse(utf8Json, null, out @event, out _);

    /// <summary>Tries to parse a received event, given as UTF-8 JSON, as <typeparamref name="T"/>, and says why not; never throws for bad input.</summary>
    /// <typeparam name="T">An <see cref="InngestEventAttribute"/> type.</typeparam>
    /// <param name="utf8Json">The event's UTF-8 JSON.</param>
    /// <param name="options">The JSON resolver, receive hooks and registry; <see langword="null"/> for the defaults.</param>
    /// <param name="event">The event when the method returns true.</param>
    /// <param name="error">What is wrong when the method returns false.</param>
    /// <returns>Whether the event could be read as <typeparamref name="T"/>.</returns>
    public static bool TryParse<T>(ReadOnlySpan<byte> utf8Json, InngestParseOptions? options, [NotNullWhen(true)] out InngestEvent<T>? @event, [NotNullWhen(false)] out InngestEventParseException? error)
        where T : IInngestEventData<T>
    {
        try
        {
            @event = ReceivedEventParser.ParseTyped<T>(utf8Json, new ParseContext(options, batch: false));
            error = null;
            return true;
        }
        catch (InngestEventParseException ex)
        {
            @event = null;
            error = ex;
            return false;
        }
    }

    /// <summary>Tries to parse a received event, given as a JSON element, as <typeparamref name="T"/>; never throws for bad input.</summary>
    /// <typeparam name="T">An <see cref="InngestEventAttribute"/> type.</typeparam>
    /// <param name="json">The event object.</param>
    /// <param name="event">The event when the method returns true.</param>
    /// <returns>Whether the event could be read as <typeparamref name="T"/>.</returns>
    public static bool TryParse<T>(JsonElement json, [NotNullWhen(true)] out InngestEvent<T>? @event)
        where T : IInngestEventData<T>
    {
        ReadOnlyMemory<byte> utf8;
        try
        {
            utf8 = Utf8Input.FromElement(json);
        }
        catch (InngestEventParseException)
        {
            @event = null;
            return false;
        }

        return TryParse(utf8.Span, null, out @event, out _);
    }

    /// <summary>
    /// Parses a received event without knowing its type: dispatches on <c>name</c> and <c>v</c> to the registered
    /// <see cref="InngestEventAttribute"/> type (<see cref="InngestEventRegistry"/>) and returns an
    /// <see cref="InngestEvent{T}"/> of it, so <c>evt is InngestEvent&lt;AccountCreated&gt; { Data: var created }</c> and
    /// <c>switch</c> work. An event of an unknown name or version comes back as a <see cref="JsonInngestEvent"/> with its
    /// raw data, never as an exception.
    /// </summary>
    /// <param name="json">The event's JSON text.</param>
    /// <param name="options">The JSON resolver, receive hooks and registry; <see langword="null"/> for the defaults.</param>
    /// <exception cref="InngestEventParseException">
    /// The input is not an event, or the data does not match the registered type of its name and version.
    /// </exception>
    public static InngestEvent Parse(string json, InngestParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var utf8 = Utf8Input.FromString(json);
        return ReceivedEventParser.ParseUntyped(utf8.Span, new ParseContext(options, batch: false));
    }

    /// <summary>Parses a received event given as UTF-8 JSON, dispatching on its name and version; see <see cref="Parse(string, InngestParseOptions?)"/>.</summary>
    /// <param name="utf8Json">The event's UTF-8 JSON.</param>
    /// <param name="options">The JSON resolver, receive hooks and registry; <see langword="null"/> for the defaults.</param>
    /// <exception cref="InngestEventParseException">The input is not an event, or its data does not match its registered type.</exception>
    public static InngestEvent Parse(ReadOnlySpan<byte> utf8Json, InngestParseOptions? options = null)
        => ReceivedEventParser.ParseUntyped(utf8Json, new ParseContext(options, batch: false));

    /// <summary>Parses a received event given as a JSON element, dispatching on its name and version; see <see cref="Parse(string, InngestParseOptions?)"/>.</summary>
    /// <param name="json">The event object.</param>
    /// <param name="options">The JSON resolver, receive hooks and registry; <see langword="null"/> for the defaults.</param>
    /// <exception cref="InngestEventParseException">The input is not an event, or its data does not match its registered type.</exception>
    public static InngestEvent Parse(JsonElement json, InngestParseOptions? options = null)
        => ReceivedEventParser.ParseUntyped(Utf8Input.FromElement(json).Span, new ParseContext(options, batch: false));

    /// <summary>Reads a received event from a stream of UTF-8 JSON and parses it, dispatching on its name and version.</summary>
    /// <param name="utf8Json">The stream; read to its end, not disposed.</param>
    /// <param name="options">The JSON resolver, receive hooks and registry; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops reading the stream.</param>
    /// <exception cref="InngestEventParseException">The input is not an event, or its data does not match its registered type.</exception>
    public static async ValueTask<InngestEvent> ParseAsync(Stream utf8Json, InngestParseOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var utf8 = await Utf8Input.FromStreamAsync(utf8Json, cancellationToken).ConfigureAwait(false);
        return ReceivedEventParser.ParseUntyped(utf8.Span, new ParseContext(options, batch: false));
    }

    /// <summary>
    /// Parses a batch of received events (a JSON array, as functions with <c>batchEvents</c> get them), each dispatched on
    /// its name and version as <see cref="Parse(string, InngestParseOptions?)"/> does.
    /// </summary>
    /// <param name="json">The JSON array text.</param>
    /// <param name="options">The JSON resolver, receive hooks and registry; <see langword="null"/> for the defaults.</param>
    /// <exception cref="InngestEventParseException">The input is not an array of events, or an event's data does not match its registered type.</exception>
    public static IReadOnlyList<InngestEvent> ParseBatch(string json, InngestParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var utf8 = Utf8Input.FromString(json);
        return ReceivedEventParser.ParseUntypedBatch(utf8.Span, new ParseContext(options, batch: true));
    }

    /// <summary>Parses a batch of received events given as UTF-8 JSON; see <see cref="ParseBatch(string, InngestParseOptions?)"/>.</summary>
    /// <param name="utf8Json">The JSON array as UTF-8.</param>
    /// <param name="options">The JSON resolver, receive hooks and registry; <see langword="null"/> for the defaults.</param>
    /// <exception cref="InngestEventParseException">The input is not an array of events, or an event's data does not match its registered type.</exception>
    public static IReadOnlyList<InngestEvent> ParseBatch(ReadOnlySpan<byte> utf8Json, InngestParseOptions? options = null)
        => ReceivedEventParser.ParseUntypedBatch(utf8Json, new ParseContext(options, batch: true));

    /// <summary>Parses a batch of received events given as a JSON array element; see <see cref="ParseBatch(string, InngestParseOptions?)"/>.</summary>
    /// <param name="json">The JSON array.</param>
    /// <param name="options">The JSON resolver, receive hooks and registry; <see langword="null"/> for the defaults.</param>
    /// <exception cref="InngestEventParseException">The input is not an array of events, or an event's data does not match its registered type.</exception>
    public static IReadOnlyList<InngestEvent> ParseBatch(JsonElement json, InngestParseOptions? options = null)
        => ReceivedEventParser.ParseUntypedBatch(Utf8Input.FromElement(json).Span, new ParseContext(options, batch: true));

    /// <summary>Reads a batch of received events from a stream of UTF-8 JSON; see <see cref="ParseBatch(string, InngestParseOptions?)"/>.</summary>
    /// <param name="utf8Json">The stream; read to its end, not disposed.</param>
    /// <param name="options">The JSON resolver, receive hooks and registry; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops reading the stream.</param>
    /// <exception cref="InngestEventParseException">The input is not an array of events, or an event's data does not match its registered type.</exception>
    public static async ValueTask<IReadOnlyList<InngestEvent>> ParseBatchAsync(Stream utf8Json, InngestParseOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var utf8 = await Utf8Input.FromStreamAsync(utf8Json, cancellationToken).ConfigureAwait(false);
        return ReceivedEventParser.ParseUntypedBatch(utf8.Span, new ParseContext(options, batch: true));
    }

    /// <summary>Tries to parse a received event, dispatching on its name and version; never throws for bad input.</summary>
    /// <param name="json">The event's JSON text; <see langword="null"/> gives false.</param>
    /// <param name="event">The event when the method returns true (a <see cref="JsonInngestEvent"/> for an unknown name).</param>
    /// <returns>Whether the input could be read.</returns>
    public static bool TryParse([NotNullWhen(true)] string? json, [NotNullWhen(true)] out InngestEvent? @event)
    {
        if (json is null)
        {
            @event = null;
            return false;
        }

        using var utf8 = Utf8Input.FromString(json);
        return TryParse(utf8.Span, out @event);
    }

    /// <summary>Tries to parse a received event given as UTF-8 JSON, dispatching on its name and version; never throws for bad input.</summary>
    /// <param name="utf8Json">The event's UTF-8 JSON.</param>
    /// <param name="event">The event when the method returns true.</param>
    /// <returns>Whether the input could be read.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out InngestEvent? @event)
    {
        try
        {
            @event = ReceivedEventParser.ParseUntyped(utf8Json, new ParseContext(null, batch: false));
            return true;
        }
        catch (InngestEventParseException)
        {
            @event = null;
            return false;
        }
    }

    private static InngestEventParseException NullInput()
        => new(InngestEventParseError.InvalidJson, null, null, "The input is null; pass the JSON of an event.");
}
