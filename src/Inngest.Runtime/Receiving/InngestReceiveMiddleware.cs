using System.Text.Json;

namespace Inngest;

/// <summary>
/// A hook that sees each received event's <c>data</c> before it is deserialized and may return other JSON in its place
/// (for example decrypted fields): the receiving counterpart of <see cref="InngestSendMiddleware"/>. Register hooks in
/// <see cref="InngestParseOptions.ReceiveMiddleware"/>; they run in list order, each on the previous one's result,
/// for every event that is parsed, also for events of unknown names (whose raw data is then the hook's result).
/// </summary>
/// <remarks>
/// An exception thrown by a hook fails the parse with <see cref="InngestEventParseError.ReceiveMiddlewareFailed"/> and
/// the hook's exception inside; so does a result that is not a JSON object. Hooks may run concurrently, so an
/// implementation must be thread-safe.
/// </remarks>
public abstract class InngestReceiveMiddleware
{
    /// <summary>Returns the <c>data</c> to deserialize in place of <paramref name="data"/>; return it unchanged to leave it alone.</summary>
    /// <param name="data">The received data object (an empty object when the event had none), or the previous hook's result.</param>
    /// <param name="context">The event's name, <c>v</c>, <c>id</c> and position in a batch.</param>
    public abstract JsonElement TransformData(JsonElement data, InngestReceiveMiddlewareContext context);
}
