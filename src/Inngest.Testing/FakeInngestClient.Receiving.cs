using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Inngest.Testing;

// Hands the sent events back as a receiver gets them: the wire JSON the real envelope writer produced, parsed with
// the receiving API, so a test of a consumer can start from what its producer really sends.
public sealed partial class FakeInngestClient
{
    /// <summary>
    /// The successfully sent events of <typeparamref name="T"/>'s event name, as a function or webhook would receive
    /// them: each event's wire JSON (<see cref="FakeInngestSend.Json"/>) parsed with
    /// <see cref="InngestEvent.Parse{T}(JsonElement, InngestParseOptions?)"/>, so <c>ts</c> and <c>v</c> are the ones
    /// sent and an earlier version is upgraded. Events of other names are left out.
    /// </summary>
    /// <typeparam name="T">An <see cref="InngestEventAttribute"/> type.</typeparam>
    /// <param name="options">The parse options, for example with receive middleware; <see langword="null"/> for the defaults.</param>
    /// <exception cref="InngestEventParseException">A sent event of that name cannot be read as <typeparamref name="T"/>.</exception>
    public IReadOnlyList<InngestEvent<T>> Received<T>(InngestParseOptions? options = null)
        where T : IInngestEventData<T>
    {
        var events = new List<InngestEvent<T>>();
        foreach (var json in SentJson())
        {
            if (json.TryGetProperty("name"u8, out var name) && name.ValueEquals(T.EventName))
            {
                events.Add(InngestEvent.Parse<T>(json, options));
            }
        }

        return events;
    }

    /// <summary>
    /// Every successfully sent event as a receiver would get it, parsed with the untyped
    /// <see cref="InngestEvent.Parse(JsonElement, InngestParseOptions?)"/>: an <see cref="InngestEvent{T}"/> of the
    /// registered type for its name and version, or a <see cref="JsonInngestEvent"/>.
    /// </summary>
    /// <param name="options">The parse options (registry, middleware); <see langword="null"/> for the defaults.</param>
    public IReadOnlyList<InngestEvent> ReceivedEvents(InngestParseOptions? options = null)
    {
        var events = new List<InngestEvent>();
        foreach (var json in SentJson())
        {
            events.Add(InngestEvent.Parse(json, options));
        }

        return events;
    }

    private List<JsonElement> SentJson()
    {
        var json = new List<JsonElement>();
        foreach (var call in Calls)
        {
            if (call.Succeeded)
            {
                json.AddRange(call.Json);
            }
        }

        return json;
    }
}
