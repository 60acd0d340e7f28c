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
}
