using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Inngest;

/// <summary>
/// The <see cref="InngestEventAttribute"/> types the untyped <see cref="InngestEvent.Parse(string, InngestParseOptions?)"/>
/// dispatches to, by event name and <c>v</c>. <see cref="Default"/> is filled by the generator: every assembly that uses it
/// registers its own event types and the public event types of the assemblies it references, when it is loaded, without
/// reflection or assembly scanning. Build your own (for tests, or for dependency injection) with <see cref="Add{T}"/>.
/// </summary>
/// <remarks>
/// Dispatch: the record whose Version equals the event's <c>v</c>. An event without <c>v</c> goes to the record declared
/// without Version; when there is none, to the first version of the event's upgrade chain (the one record that upgrades
/// from nothing). No match means the event comes back untyped, as a <see cref="JsonInngestEvent"/>. Thread-safe.
/// </remarks>
public sealed class InngestEventRegistry
{
    private readonly object _gate = new();

    // Copy on write: parsing reads a snapshot without locking; adding (rare, at start-up) replaces it.
    private volatile Dictionary<string, Registration[]> _byName = new(StringComparer.Ordinal);

    /// <summary>The registry the generated code fills and the parse methods use when <see cref="InngestParseOptions.Registry"/> is not set.</summary>
    public static InngestEventRegistry Default { get; } = new();

    /// <summary>Registers <typeparamref name="T"/> under its event name and version; adding a type again does nothing.</summary>
    /// <typeparam name="T">An <see cref="InngestEventAttribute"/> type.</typeparam>
    /// <returns>This registry, to chain calls.</returns>
    public InngestEventRegistry Add<T>()
        where T : IInngestEventData<T>
    {
        lock (_gate)
        {
            var existing = _byName.TryGetValue(T.EventName, out var list) ? list : Array.Empty<Registration>();
            foreach (var registration in existing)
            {
                if (registration.Type == typeof(T))
                {
                    return this;
                }
            }

            var next = new Dictionary<string, Registration[]>(_byName, StringComparer.Ordinal);
            var grown = new Registration[existing.Length + 1];
            existing.CopyTo(grown, 0);
            grown[existing.Length] = new Registration<T>();
            next[T.EventName] = grown;
            _byName = next;
        }

        return this;
    }

    /// <summary>Whether a type is registered for <paramref name="name"/> and <paramref name="version"/> (null for none).</summary>
    /// <param name="name">The event name.</param>
    /// <param name="version">The version, or <see langword="null"/>.</param>
    public bool Contains(string name, string? version)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_byName.TryGetValue(name, out var list))
        {
            foreach (var registration in list)
            {
                if (VersionRules.Same(version, registration.Version))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The top-level field of <c>data</c> that a type registered for <paramref name="name"/> marks
    /// <see cref="InngestEncryptedAttribute"/>: that of the type registered for <paramref name="version"/>, else of any
    /// other version of the name (the safe answer for stored events, such as an outbox's), else <see langword="null"/>.
    /// Code that rebuilds events from stored JSON sets it as <see cref="InngestEvent.EncryptedField"/>, so a client
    /// without encryption refuses them as it refuses the typed events.
    /// </summary>
    /// <param name="name">The event name.</param>
    /// <param name="version">The version, or <see langword="null"/>.</param>
    public string? EncryptedFieldOf(string name, string? version)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_byName.TryGetValue(name, out var list))
        {
            return null;
        }

        string? anyVersion = null;
        foreach (var registration in list)
        {
            if (registration.EncryptedField is { } field)
            {
                if (VersionRules.Same(version, registration.Version))
                {
                    return field;
                }

                anyVersion ??= field;
            }
        }

        return anyVersion;
    }

    /// <summary>The registered types, for diagnostics and tests.</summary>
    public IReadOnlyList<Type> Types
    {
        get
        {
            var types = new List<Type>();
            foreach (var list in _byName.Values)
            {
                foreach (var registration in list)
                {
                    types.Add(registration.Type);
                }
            }

            return types;
        }
    }

    /// <summary>The registration for an event, by the dispatch rule; null when there is none.</summary>
    internal Registration? Find(string name, string? version, ParseContext context)
    {
        if (!_byName.TryGetValue(name, out var list))
        {
            return null;
        }

        Registration? match = null;
        foreach (var registration in list)
        {
            if (VersionRules.Same(version, registration.Version))
            {
                if (match is not null)
                {
                    throw context.Error(InngestEventParseError.AmbiguousType, name, context.PathOf("name"),
                        $"{context.Describe(name)}: both {match.Type.FullName} and {registration.Type.FullName} are registered for it{(version is null ? " (without a version)" : " with v \"" + version + "\"")}. Keep one record per name and version, or parse with InngestEvent.Parse<T>.");
                }

                match = registration;
            }
        }

        if (match is not null || version is not null)
        {
            return match;
        }

        // No "v" and no record without Version: the first record of the chain, if exactly one upgrades from nothing.
        foreach (var registration in list)
        {
            if (!registration.HasEarlierVersion)
            {
                if (match is not null)
                {
                    return null;
                }

                match = registration;
            }
        }

        return match;
    }

    /// <summary>The only registration of a name, or null when there are none or several (then the version decides).</summary>
    internal Registration? Single(string name)
        => _byName.TryGetValue(name, out var list) && list.Length == 1 ? list[0] : null;

    internal abstract class Registration
    {
        /// <summary>Reads the data object the reader is on in the envelope's pass; false leaves the reader where it was.</summary>
        public abstract bool TryReadInline(ref Utf8JsonReader reader, ParseContext context, out object? value);

        /// <summary>The event around a value <see cref="TryReadInline"/> read.</summary>
        public abstract InngestEvent Build(in EnvelopeFields fields, object? value);

        public abstract Type Type { get; }

        public abstract string? Version { get; }

        public abstract bool HasEarlierVersion { get; }

        public abstract string? EncryptedField { get; }

        public abstract InngestEvent Read(in EnvelopeFields fields, ReadOnlySpan<byte> input, ParseContext context, string name);
    }

    private sealed class Registration<T> : Registration
        where T : IInngestEventData<T>
    {
        public override Type Type => typeof(T);

        public override string? Version => T.EventVersion;

        public override bool HasEarlierVersion => T.HasEarlierVersion;

        public override string? EncryptedField => T.EncryptedField;

        public override InngestEvent Read(in EnvelopeFields fields, ReadOnlySpan<byte> input, ParseContext context, string name)
            => TypedEventReader.Read<T>(fields, input, context, name);

        public override bool TryReadInline(ref Utf8JsonReader reader, ParseContext context, out object? value)
        {
            var read = TypedEventReader.TryReadInline<T>(ref reader, context, out var typed);
            value = typed;
            return read;
        }

        public override InngestEvent Build(in EnvelopeFields fields, object? value) => TypedEventReader.Build(fields, (T)value!, upgraded: false);
    }
}
