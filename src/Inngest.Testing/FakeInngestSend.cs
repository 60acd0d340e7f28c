using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inngest.Testing;

/// <summary>One send call recorded by <see cref="FakeInngestClient"/>.</summary>
public sealed class FakeInngestSend
{
    private readonly List<JsonElement> _json = new();

    internal FakeInngestSend(IReadOnlyList<InngestEvent> events, InngestSendOptions? options)
    {
        Events = events;
        Options = options;
    }

    /// <summary>The events passed to the call, in order.</summary>
    public IReadOnlyList<InngestEvent> Events { get; }

    /// <summary>The per-call options passed, or <see langword="null"/>.</summary>
    public InngestSendOptions? Options { get; }

    /// <summary>
    /// Each event exactly as the real client would put it on the wire (<c>name</c>, <c>data</c>, <c>user</c>,
    /// <c>id</c>, <c>ts</c>, <c>v</c>); empty when the call failed before serialization or was told to throw.
    /// </summary>
    public IReadOnlyList<JsonElement> Json => _json;

    /// <summary>The ids returned, one per event; <see langword="null"/> when the call failed.</summary>
    public IReadOnlyList<string>? Ids { get; internal set; }

    /// <summary>The exception the call threw, or <see langword="null"/>.</summary>
    public Exception? Exception { get; internal set; }

    /// <summary>Whether the call returned ids.</summary>
    public bool Succeeded => Ids is not null;

    internal void AddJson(List<JsonElement> json) => _json.AddRange(json);

    /// <summary>Describes the call by its event names, never their data.</summary>
    public override string ToString()
        => $"FakeInngestSend {{ Events = {Events.Count}, Succeeded = {Succeeded}, Exception = {Exception?.GetType().Name ?? "(none)"} }}";
}

[JsonSerializable(typeof(string))]
internal sealed partial class FakeJson : JsonSerializerContext
{
}
