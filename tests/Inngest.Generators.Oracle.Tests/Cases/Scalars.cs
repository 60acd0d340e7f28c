// Scalar types with built-in converters, nullable value types, Memory<byte>.
using System;
using System.Collections.Generic;
using Inngest;
using Inngest.Generators.Oracle.Tests;

namespace Oracle.Scalars;

[InngestEvent("oracle/scalars.numbers")]
[OracleInput("""{"b":"1","i":"2","d":"NaN"}""")]
[OracleInput("""{"b":256}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"i":1.5}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"i":"x"}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"m":79228162514264337593543950336}""", Expect = OracleExpectation.Throws)]
public sealed partial record Numbers(byte B, sbyte Sb, short S, ushort Us, int I, uint Ui, long L, ulong Ul, float F, double D, decimal M, Half H, Int128 Big, UInt128 UBig);

// The numbers the generated readers spell out (no Half or Int128, so the type has a reader): quoted, out of range,
// fractional and overflowing inputs must be read, or refused, as System.Text.Json does.
[InngestEvent("oracle/scalars.readable-numbers")]
[OracleInput("""{"b":"1","i":"2","d":"NaN"}""")]
[OracleInput("""{"b":256}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"sb":-129}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"us":-1}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"i":1.5}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"ul":18446744073709551616}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"f":3.5e38,"d":1e309}""")]
[OracleInput("""{"i":-0,"l":1E2,"m":1e-30}""")]
[OracleInput("""{"b":255,"sb":-128,"s":-32768,"us":65535,"i":-2147483648,"ui":4294967295,"l":-9223372036854775808,"ul":18446744073709551615,"f":1.401298E-45,"d":5e-324,"m":-79228162514264337593543950335}""", Expect = OracleExpectation.Reads)]
public sealed partial record ReadableNumbers(byte B, sbyte Sb, short S, ushort Us, int I, uint Ui, long L, ulong Ul, float F, double D, decimal M);

[InngestEvent("oracle/scalars.others")]
[OracleInput("""{"letter":"xy"}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"day":"2024-13-01"}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"time":"25:00"}""", Expect = OracleExpectation.Throws)]
[OracleInput("""{"span":"1.02:03:04.5","day":"2024-05-15","time":"13:45:12.25","link":"https://x/y","ver":"1.2.3.4","letter":"q"}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"link":"not a uri"}""")]
public sealed partial record Others(bool Flag, string? Text, char Letter, Guid Id, DateTime At, DateTimeOffset AtOffset, DateOnly Day, TimeOnly Time, TimeSpan Span, Uri? Link, Version? Ver);

[InngestEvent("oracle/scalars.nullables")]
[OracleInput("""{"maybeInt":null,"maybeChar":null,"maybeDay":null}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"plainInt":null}""", Expect = OracleExpectation.Throws)]
public sealed partial record Nullables(int? MaybeInt, char? MaybeChar, DateOnly? MaybeDay, TimeSpan? MaybeSpan, Half? MaybeHalf, Int128? MaybeBig, decimal? MaybeMoney, Guid? MaybeId, int PlainInt);

[InngestEvent("oracle/scalars.memory")]
[OracleInput("""{"bytes":"AAEC/w==","readOnly":"aGk=","maybe":null}""", Expect = OracleExpectation.Reads)]
[OracleInput("""{"bytes":"not base64!"}""", Expect = OracleExpectation.Throws)]
public sealed partial record MemoryBytes(Memory<byte> Bytes, ReadOnlyMemory<byte> ReadOnly, ReadOnlyMemory<byte>? Maybe);

[InngestEvent("oracle/scalars.memory-of-int")]
[OracleInput("""{"ints":[1,2],"readOnly":[3]}""", Expect = OracleExpectation.Reads)]
public sealed partial record MemoryOfInts(Memory<int> Ints, ReadOnlyMemory<int> ReadOnly);

public static class Samples
{
    public static IEnumerable<Numbers> Extremes() =>
    [
        new(255, -128, short.MinValue, ushort.MaxValue, int.MinValue, uint.MaxValue, long.MinValue, ulong.MaxValue, float.MaxValue, double.MinValue, decimal.MaxValue, Half.MinValue, Int128.MinValue, UInt128.MaxValue),
        new(0, 0, 0, 0, 0, 0, 0, 0, -0f, -0d, -0.0m, Half.Epsilon, 0, 0),
        new(1, 1, 1, 1, 1, 1, 1, 1, float.NaN, double.PositiveInfinity, 1.10m, Half.NaN, 1, 1),
    ];

    public static IEnumerable<Others> Texts() =>
    [
        new(true, "h\u00e9llo \"w\" <b> \U0001F600 \u2028", '\u00e9', Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), new DateTime(2024, 5, 15, 10, 30, 0, DateTimeKind.Local),
            DateTimeOffset.MaxValue, DateOnly.MaxValue, TimeOnly.MaxValue, TimeSpan.MinValue, new Uri("https://example.com/a b?c=\u00e9"), new Version(1, 2)),
        new(false, null, '\0', Guid.Empty, DateTime.MinValue, DateTimeOffset.MinValue, DateOnly.MinValue, TimeOnly.MinValue, TimeSpan.Zero, new Uri("/relative", UriKind.Relative), null),
    ];
}
