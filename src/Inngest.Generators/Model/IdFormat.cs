namespace Inngest.Generators.Model;

/// <summary>How a scalar member becomes text in an id: always culture-invariant, the same on every machine.</summary>
internal enum IdFormat
{
    /// <summary>A string, as is.</summary>
    Text,

    /// <summary>A char, as a one-character string.</summary>
    Char,

    /// <summary><c>true</c> or <c>false</c>, as JSON writes them.</summary>
    Boolean,

    /// <summary>Numbers and Guid: <c>ToString(null, CultureInfo.InvariantCulture)</c>.</summary>
    Invariant,

    /// <summary>DateTime and DateTimeOffset: the round-trip format <c>O</c>.</summary>
    RoundTrip,

    /// <summary>DateOnly: <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>TimeOnly: <c>HH:mm:ss.fffffff</c> (<c>O</c>).</summary>
    Time,

    /// <summary>TimeSpan: the constant format <c>c</c>.</summary>
    Duration,

    /// <summary>An enum: its name (<c>ToString()</c>, which no culture changes).</summary>
    EnumName,
}
