namespace Inngest;

/// <summary>What an <see cref="InngestReceiveMiddleware"/> knows about the event whose data it transforms.</summary>
public sealed class InngestReceiveMiddlewareContext
{
    internal InngestReceiveMiddlewareContext(string eventName, string? version, string? id, int eventIndex)
    {
        EventName = eventName;
        Version = version;
        Id = id;
        EventIndex = eventIndex;
    }

    /// <summary>The event's <c>name</c>.</summary>
    public string EventName { get; }

    /// <summary>The event's <c>v</c> as received, or <see langword="null"/>.</summary>
    public string? Version { get; }

    /// <summary>The event's <c>id</c> as received, or <see langword="null"/>.</summary>
    public string? Id { get; }

    /// <summary>The event's index in a batch; 0 for a single event.</summary>
    public int EventIndex { get; }

    /// <summary>Describes the event by name and position, never its data.</summary>
    public override string ToString() => $"InngestReceiveMiddlewareContext {{ EventName = {EventName}, EventIndex = {EventIndex} }}";
}
