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

/// <summary>
/// The untyped parse's sink: when the name came first and only one type is registered for it, that type reads the
/// data in the envelope's pass; the version, read later, decides whether the value is used.
/// </summary>
internal struct RegistrySink : IDataSink
{
    private readonly ParseContext _context;

    public RegistrySink(ParseContext context)
    {
        _context = context;
        Registration = null;
        Value = null;
    }

    /// <summary>The registration that read <see cref="Value"/>, or null.</summary>
    public InngestEventRegistry.Registration? Registration;

    public object? Value;

    public readonly string? ExpectedName => null;

    public bool TryReadInline(ref Utf8JsonReader reader, string? nameSoFar)
    {
        if (_context.HasHooks || nameSoFar is null || _context.Registry.Single(nameSoFar) is not { } registration
            || !registration.TryReadInline(ref reader, _context, out Value))
        {
            return false;
        }

        Registration = registration;
        return true;
    }
}
