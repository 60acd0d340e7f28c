using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inngest;

/// <summary>
/// Turns a read envelope into an <see cref="InngestEvent{T}"/>: checks the name, picks the record by <c>v</c> (the
/// type itself, or an earlier version it upgrades from), runs the receive hooks and deserializes the data.
/// </summary>
internal static class TypedEventReader
{
    /// <summary>Reads data of <typeparamref name="T"/>'s event in the same pass as the envelope when nothing else is needed.</summary>
    internal struct Sink<T> : IDataSink
        where T : IInngestEventData<T>
    {
        private readonly ParseContext _context;

        public Sink(ParseContext context)
        {
            _context = context;
            HasValue = false;
            Value = default;
        }

        public bool HasValue;
        public T? Value;

        public readonly string? ExpectedName => T.EventName;

        public bool TryReadInline(ref Utf8JsonReader reader, string? nameSoFar)
        {
            // Only when the name already matched (the envelope reader then hands back T.EventName itself) and no hook
            // may change the data; the version, which comes later, decides at the end whether this value is used.
            if (_context.HasHooks || !ReferenceEquals(nameSoFar, T.EventName))
            {
                return false;
            }

            HasValue = TypedEventReader.TryReadInline(ref reader, _context, out Value);
            return HasValue;
        }
    }

    /// <summary>
    /// Reads the data object the reader is on with <typeparamref name="T"/>'s generated reader or, when it gives up, its
    /// converter, straight from the envelope's reader: JsonSerializer.Deserialize(ref reader) would first skip the whole
    /// value to scope a reader to it, a second pass over the data. On failure the reader is put back and false returned: the data is then read again from its
    /// slice by Deserialize, whose exception carries the member's JSON path (the converter's alone does not).
    /// </summary>
    public static bool TryReadInline<T>(ref Utf8JsonReader reader, ParseContext context, out T? value)
        where T : IInngestEventData<T>
    {
        value = default;
        if (T.EncryptedField is not null)
        {
            // Read from the slice, where Read checks first that the encrypted member was decrypted.
            return false;
        }

        var typeInfo = context.Resolver.Resolve(T.JsonTypeInfo);
        if (typeInfo.Converter is not JsonConverter<T> converter)
        {
            return false;
        }

        var start = reader;
        try
        {
            // The generated reader (with the default metadata only: a resolver of the caller's may describe the type
            // otherwise); when it gives up, the converter reads the data from the start.
            if (context.Resolver.IsDefault && T.TryReadData(ref reader, out value))
            {
                return true;
            }

            reader = start;
            value = converter.Read(ref reader, typeof(T), typeInfo.Options);
            return true;
        }
        catch (Exception)
        {
            // Whatever the payload's converters threw: the slice path below reports it, wrapped, with its path.
            value = default;
            reader = start;
            return false;
        }
    }

    public static InngestEvent<T> Finish<T>(in EnvelopeFields fields, ReadOnlySpan<byte> input, ref Sink<T> sink, ParseContext context)
        where T : IInngestEventData<T>
    {
        var name = CheckName<T>(fields, context);
        if (VersionRules.Same(fields.Version, T.EventVersion))
        {
            if (sink.HasValue)
            {
                return Build(fields, sink.Value!, upgraded: false);
            }
        }

        return Read<T>(fields, input, context, name);
    }

    /// <summary>Reads the event as <typeparamref name="T"/> from its data slice, upgrading an earlier version.</summary>
    public static InngestEvent<T> Read<T>(in EnvelopeFields fields, ReadOnlySpan<byte> input, ParseContext context, string name)
        where T : IInngestEventData<T>
    {
        var data = fields.Data(input);
        if (context.HasHooks)
        {
            data = context.ApplyHooks(name, fields, data);
        }

        if (T.EncryptedField is { } encryptedField && EncryptedFieldProbe.IsStillEncrypted(data, encryptedField))
        {
            throw context.Error(InngestEventParseError.EncryptedDataNotDecrypted, name, context.PathOf("data." + encryptedField),
                $"{context.Describe(name)}: data.{encryptedField} arrived encrypted, and {typeof(T).Name} marks it [InngestEncrypted], so reading it would give its defaults instead of the sender's values. "
                + "Parse with options that decrypt, with the sender's key: new InngestParseOptions().AddDecryption(InngestEncryptionOptions.FromEnvironment()) from Inngest.Typed.Encryption.");
        }

        var version = fields.Version;
        if (VersionRules.Same(version, T.EventVersion))
        {
            return Build(fields, new InngestEventDataReader(data, context, name, version, oldest: false).Read<T>(), upgraded: false);
        }

        if (T.TryReadEarlierVersion(new InngestEventDataReader(data, context, name, version, oldest: false), out var upgraded))
        {
            return Build(fields, upgraded, upgraded: true);
        }

        if (version is null)
        {
            // No "v" and no record without Version in the chain: the chain's first record reads it.
            var oldest = new InngestEventDataReader(data, context, name, null, oldest: true);
            return T.TryReadEarlierVersion(oldest, out upgraded)
                ? Build(fields, upgraded, upgraded: true)
                : Build(fields, oldest.Read<T>(), upgraded: false);
        }

        var declared = T.EventVersion is { } v ? "is version \"" + v + "\"" : "has no Version";
        throw context.Error(InngestEventParseError.UnknownVersion, name, context.PathOf("v"),
            $"{context.Describe(name)} has v \"{version}\", but {typeof(T).Name} {declared} and upgrades from no record of version \"{version}\". Declare a record for that version (and an IInngestEventUpgrade step to {typeof(T).Name}), or parse with the record of that version.");
    }

    private static string CheckName<T>(in EnvelopeFields fields, ParseContext context)
        where T : IInngestEventData<T>
    {
        var name = fields.Name ?? throw MissingName(context);
        if (!string.Equals(name, T.EventName, StringComparison.Ordinal))
        {
            throw context.Error(InngestEventParseError.NameMismatch, name, context.PathOf("name"),
                $"{context.Describe(name)} is not a '{T.EventName}' event, which {typeof(T).Name} describes. Parse it with the record of '{name}', or with the untyped InngestEvent.Parse, which dispatches on the name.");
        }

        return T.EventName;
    }

    internal static InngestEventParseException MissingName(ParseContext context)
        => context.Error(InngestEventParseError.MissingName, null, context.PathOf("name"),
            $"{context.Describe(null)} has no name. Every event Inngest delivers has one, such as \"app/account.created\"; check that the input is an event.");

    internal static InngestEvent<T> Build<T>(in EnvelopeFields fields, T data, bool upgraded)
        where T : IInngestEventData<T>
        => new(T.EventName, data, T.JsonTypeInfo)
        {
            Id = fields.Id,
            Timestamp = fields.Timestamp,
            Version = T.EventVersion,
            User = fields.User,
            ReceivedVersion = fields.Version,
            IsUpgraded = upgraded,
        };
}
