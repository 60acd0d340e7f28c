using System.Text.Json;

namespace Inngest;

/// <summary>
/// Lets the envelope reader deserialize <c>data</c> in the same pass when the caller already knows its type (the name
/// came first and matches), instead of skipping it and reading the slice again.
/// </summary>
internal interface IDataSink
{
    /// <summary>The name the caller expects, so a matching <c>name</c> is not allocated again; null for any name.</summary>
    string? ExpectedName { get; }

    /// <summary>
    /// Reads the data object the reader is on (its StartObject) and leaves the reader on its EndObject; returns false,
    /// with the reader untouched, to have the object skipped.
    /// </summary>
    bool TryReadInline(ref Utf8JsonReader reader, string? nameSoFar);
}

/// <summary>A sink that reads nothing inline: the data is always taken as a slice.</summary>
internal struct NoDataSink : IDataSink
{
    public readonly string? ExpectedName => null;

    public readonly bool TryReadInline(ref Utf8JsonReader reader, string? nameSoFar) => false;
}
