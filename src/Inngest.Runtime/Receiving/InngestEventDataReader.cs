using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Inngest;

/// <summary>
/// A received event's <c>data</c> and <c>v</c>, handed down an upgrade chain by the generated
/// <see cref="IInngestEventData{TSelf}.TryReadEarlierVersion"/>: each step asks whether the data is its previous
/// version's, reads it with that record's metadata, and upgrades it. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly ref struct InngestEventDataReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly ParseContext _context;
    private readonly string _name;
    private readonly string? _version;

    // Oldest: the event came without "v" and the chain has no record without Version: read it with the chain's first
    // record (the documented rule), whatever that record's Version says.
    private readonly bool _oldest;

    internal InngestEventDataReader(ReadOnlySpan<byte> data, ParseContext context, string name, string? version, bool oldest)
    {
        _data = data;
        _context = context;
        _name = name;
        _version = version;
        _oldest = oldest;
    }

    /// <summary>
    /// The generated step of an upgrade chain: reads the data as <typeparamref name="TPrevious"/> (when the received
    /// version is its version, or one it upgrades from in turn) and upgrades it with
    /// <see cref="IInngestEventUpgrade{TSelf, TPrevious}.UpgradeFrom"/>.
    /// </summary>
    /// <typeparam name="TSelf">The newer payload type.</typeparam>
    /// <typeparam name="TPrevious">The version just before it.</typeparam>
    /// <param name="reader">The received data.</param>
    /// <param name="value">The upgraded payload when the method returns true.</param>
    /// <returns>False when the received version is not in the chain below <typeparamref name="TSelf"/>.</returns>
    public static bool Upgrade<TSelf, TPrevious>(InngestEventDataReader reader, [MaybeNullWhen(false)] out TSelf value)
        where TSelf : IInngestEventUpgrade<TSelf, TPrevious>
        where TPrevious : IInngestEventData<TPrevious>
    {
        TPrevious previous;
        if (reader._oldest)
        {
            if (!TPrevious.TryReadEarlierVersion(reader, out previous!))
            {
                previous = reader.Read<TPrevious>();
            }
        }
        else if (VersionRules.Same(reader._version, TPrevious.EventVersion))
        {
            previous = reader.Read<TPrevious>();
        }
        else if (!TPrevious.TryReadEarlierVersion(reader, out previous!))
        {
            value = default;
            return false;
        }

        try
        {
            value = TSelf.UpgradeFrom(previous);
        }
        catch (Exception ex)
        {
            throw reader._context.Error(InngestEventParseError.UpgradeFailed, reader._name, reader._context.PathOf("data"),
                $"{reader._context.Describe(reader._name)}: {typeof(TSelf).Name}.UpgradeFrom({typeof(TPrevious).Name}) failed ({ex.GetType().Name}: {ex.Message}).", ex);
        }

        return true;
    }

    /// <summary>
    /// Deserializes the data as <typeparamref name="T"/>: with the type's generated reader when the options' resolver is
    /// the default and the reader does not give up, else through the options' resolver.
    /// </summary>
    internal T Read<T>()
        where T : IInngestEventData<T>
    {
        if (_context.Resolver.IsDefault && TryReadGenerated<T>(out var generated))
        {
            return generated;
        }

        try
        {
            return JsonSerializer.Deserialize(_data, _context.Resolver.Resolve(T.JsonTypeInfo))!;
        }
        catch (Exception ex)
        {
            throw _context.DataError(_name, typeof(T).Name, ex);
        }
    }

    /// <summary>The generated reader over the whole slice (one object and nothing after it, 64 levels as the metadata's options allow).</summary>
    private bool TryReadGenerated<T>([MaybeNullWhen(false)] out T value)
        where T : IInngestEventData<T>
    {
        try
        {
            var reader = new Utf8JsonReader(_data, new JsonReaderOptions { MaxDepth = 64 });
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject && T.TryReadData(ref reader, out value) && !reader.Read())
            {
                return true;
            }
        }
        catch (Exception)
        {
            // Whatever the input holds that the reader does not expect: the metadata reads it, or reports it.
        }

        value = default;
        return false;
    }
}
