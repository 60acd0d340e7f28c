using System;

namespace Inngest;

/// <summary>The envelope fields of one received event, and where its <c>data</c> object lies in the input.</summary>
internal struct EnvelopeFields
{
    public string? Name;

    /// <summary>The offset of the data object in the input, or -1 when <c>data</c> is absent or null.</summary>
    public int DataStart;

    public int DataLength;

    public string? Id;

    public DateTimeOffset? Timestamp;

    /// <summary>The <c>v</c>; an empty string is read as none (the writer sends no <c>v</c> for it either).</summary>
    public string? Version;

    public InngestUser? User;

    public static EnvelopeFields Empty => new() { DataStart = -1 };

    /// <summary>The data object's bytes, or <c>{}</c> for an event without data (as the Event API stores it).</summary>
    public readonly ReadOnlySpan<byte> Data(ReadOnlySpan<byte> input) => DataStart < 0 ? "{}"u8 : input.Slice(DataStart, DataLength);
}
