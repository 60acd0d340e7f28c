namespace Inngest;

/// <summary>
/// A hook that sees each outgoing event before it is written and may return a different event to send in its place
/// (other data, another <c>id</c>, ...): the .NET counterpart of the official SDKs' <c>transformSendEvent</c> and
/// <c>before_send_events</c>. Register hooks in <see cref="InngestClientOptions.SendMiddleware"/>; they run in list
/// order, each on the previous one's result, for every event of every send call.
/// </summary>
/// <remarks>
/// Hooks are synchronous because every request body is written before the first request goes out, so a failing hook
/// fails the whole call before anything is sent. An exception thrown by a hook becomes an
/// <see cref="InngestEventValidationException"/> for that event, with the hook's exception inside. A hook runs once
/// per event and call (retries resend the bytes already written, so they never run it again), and may run
/// concurrently for different send calls, so an implementation must be thread-safe.
/// </remarks>
public abstract class InngestSendMiddleware
{
    /// <summary>Returns the event to write in place of <paramref name="evt"/>; return it unchanged to leave it alone.</summary>
    /// <param name="evt">The event as the caller gave it, or as the previous hook returned it; never <see langword="null"/>.</param>
    /// <param name="context">
    /// The event's position in the call and helpers to read its <c>data</c> as JSON
    /// (<see cref="InngestSendMiddlewareContext.SerializeData(InngestEvent)"/>) and to copy it with new data
    /// (<see cref="InngestSendMiddlewareContext.ReplaceData(InngestEvent, System.Text.Json.JsonElement)"/>).
    /// </param>
    /// <returns>The event to send; <see langword="null"/> is refused as a validation error.</returns>
    public abstract InngestEvent TransformEvent(InngestEvent evt, InngestSendMiddlewareContext context);

    /// <summary>
    /// Whether this middleware encrypts the top-level field <paramref name="fieldName"/> of the events it transforms.
    /// A client refuses to send an event whose <see cref="InngestEvent.EncryptedField"/> is set (a member marked
    /// <see cref="InngestEncryptedAttribute"/>) unless one of its middleware answers true for that field, so personal data
    /// never leaves in plaintext because encryption was not configured. Default: false.
    /// </summary>
    /// <param name="fieldName">The JSON name of the field of <c>data</c>, for example <c>encrypted</c>.</param>
    /// <returns>True only when every event this middleware sees leaves it with that field encrypted.</returns>
    public virtual bool EncryptsField(string fieldName) => false;
}
