using System;
using System.Collections.Generic;

namespace Inngest;

/// <summary>
/// Runs the client's <see cref="InngestSendMiddleware"/> hooks, in order, over every event of a send call before any
/// body is written. A hook that throws or returns null fails the call as invalid for that event: nothing is sent.
/// </summary>
internal sealed class SendMiddlewarePipeline
{
    public static readonly SendMiddlewarePipeline Empty = new(Array.Empty<InngestSendMiddleware>(), JsonMetadataResolver.Default);

    private readonly InngestSendMiddleware[] _hooks;
    private readonly JsonMetadataResolver _resolver;

    private SendMiddlewarePipeline(InngestSendMiddleware[] hooks, JsonMetadataResolver resolver)
    {
        _hooks = hooks;
        _resolver = resolver;
    }

    /// <summary>Takes a snapshot of the configured hooks, so later changes to the options do not affect the client.</summary>
    public static SendMiddlewarePipeline Create(IList<InngestSendMiddleware>? hooks, JsonMetadataResolver resolver)
    {
        if (hooks is null || hooks.Count == 0)
        {
            return Empty;
        }

        var snapshot = new InngestSendMiddleware[hooks.Count];
        for (var i = 0; i < snapshot.Length; i++)
        {
            snapshot[i] = hooks[i] ?? throw new InngestConfigurationException(
                $"InngestClientOptions.SendMiddleware[{i}] is null. Remove the entry or add a middleware instance.");
        }

        return new SendMiddlewarePipeline(snapshot, resolver);
    }

    /// <summary>Returns the events to write: <paramref name="events"/> itself when there are no hooks.</summary>
    public IReadOnlyList<InngestEvent> Apply(IReadOnlyList<InngestEvent> events)
    {
        EnsureEncryptedFieldsAreEncrypted(events);
        if (_hooks.Length == 0)
        {
            return events;
        }

        var result = new InngestEvent[events.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var current = events[i];
            if (current is not null)
            {
                // A null event is left for the envelope writer, which reports it with the same message as without hooks.
                var context = new InngestSendMiddlewareContext(i, result.Length, _resolver);
                foreach (var hook in _hooks)
                {
                    current = Run(hook, current, context);
                }
            }

            result[i] = current!;
        }

        return result;
    }

    // Refuses, before any hook runs and before any request, an event that declares a field to encrypt
    // ([InngestEncrypted]) when no hook encrypts that field: the value would otherwise leave in plaintext.
    private void EnsureEncryptedFieldsAreEncrypted(IReadOnlyList<InngestEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i]?.EncryptedField is { } field && !AnyHookEncrypts(field))
            {
                // The event is fine; the client lacks the configuration to send it safely.
                throw new InngestConfigurationException(EncryptionNotConfigured(i, events[i].Name, field));
            }
        }
    }

    private static string EncryptionNotConfigured(int index, string name, string field)
        => $"Event {index} ('{name}'): data.{field} is marked [InngestEncrypted], but no send middleware of this client encrypts the field '{field}', "
            + "so it would leave in plaintext. Nothing was sent. Add encryption to the client with the same field: options.AddEncryption(InngestEncryptionOptions.FromEnvironment()) "
            + $"from the Inngest.Typed.Encryption package (FieldName = \"{field}\", the default is \"encrypted\"), or services.AddInngestEncryption() with dependency injection.";

    private bool AnyHookEncrypts(string field)
    {
        foreach (var hook in _hooks)
        {
            if (hook.EncryptsField(field))
            {
                return true;
            }
        }

        return false;
    }

    private static InngestEvent Run(InngestSendMiddleware hook, InngestEvent evt, InngestSendMiddlewareContext context)
    {
        InngestEvent? transformed;
        try
        {
            transformed = hook.TransformEvent(evt, context);
        }
        catch (InngestEventValidationException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new InngestEventValidationException(context.EventIndex, evt.Name,
                $"Event {context.EventIndex} ('{evt.Name}'): the send middleware {hook.GetType().Name} failed ({ex.GetType().Name}: {ex.Message}). Nothing was sent; fix the event or the middleware.", ex);
        }

        return transformed ?? throw new InngestEventValidationException(context.EventIndex, evt.Name,
            $"Event {context.EventIndex} ('{evt.Name}'): the send middleware {hook.GetType().Name} returned null. Return the event unchanged to leave it alone. Nothing was sent.");
    }
}
