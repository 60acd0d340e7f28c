using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Inngest.Generators.Tests.Corpus;

namespace Inngest.Generators.Tests.Parity;

/// <summary>Randomized parity: generated values of corpus types write like reflection on both paths and round-trip.</summary>
public sealed class RandomizedParityTests
{
    private static readonly Gen<string> Text = Gen.String;

    private static readonly Gen<string?> MaybeText = Gen.Select(Gen.Bool, Gen.String, (present, s) => present ? s : null);

    private static readonly Gen<double> FiniteDouble = Gen.Double.Where(double.IsFinite);

    private static readonly Gen<Address> Addresses = Gen.Select(Text, Text, MaybeText, (street, city, zip) => new Address(street, city, zip));

    [Fact]
    public void Records_of_strings() => Gen.Select(Text, Text, (a, b) => new AccountCreated(a, b))
        .Sample(value => Check(value), iter: 300);

    [Fact]
    public void Numbers() => Gen.Select(Gen.Byte, Gen.SByte, Gen.Short, Gen.UShort, Gen.Int, Gen.UInt, Gen.Long, Gen.ULong)
        .Select(Gen.Float.Where(float.IsFinite), FiniteDouble, Gen.Decimal, (ints, f, d, m) => new Numbers(
            ints.Item1, ints.Item2, ints.Item3, ints.Item4, ints.Item5, ints.Item6, ints.Item7, ints.Item8, f, d, m, (Half)(float)ints.Item3, (Int128)ints.Item7 * ints.Item7, (UInt128)ints.Item8 * ints.Item8))
        .Sample(value => Check(value), iter: 300);

    [Fact]
    public void Scalars() => Gen.Select(Gen.Bool, MaybeText, Gen.Char, Gen.Guid, Gen.DateTime, Gen.DateTimeOffset, Gen.Int[0, 3_000_000], Gen.Long[0, TimeSpan.TicksPerDay - 1])
        .Select(Gen.Long[-TimeSpan.TicksPerDay * 1000, TimeSpan.TicksPerDay * 1000], (v0, v1) => new Scalars(v0.Item1, v0.Item2, v0.Item3, v0.Item4, v0.Item5, v0.Item6,
            DateOnly.FromDayNumber(v0.Item7), new TimeOnly(v0.Item8), new TimeSpan(v1), new Uri("https://example.com/" + Uri.EscapeDataString(v0.Item4.ToString())), new Version(1, v0.Item7 % 100)))
        .Sample(value => Check(value), iter: 300);

    [Fact]
    public void Collections_and_dictionaries() => Gen.Select(Gen.Int.Array[0, 5], Text.List[0, 5], Gen.Long.List[0, 4], Gen.Int.List[0, 4], Gen.Byte.Array[0, 8])
        .Select(Gen.Dictionary(Text, Gen.Int)[0, 4], Gen.Dictionary(Text, Addresses)[0, 3], (c, counts, addresses) => (
            new Collections(c.Item1, c.Item2, c.Item3, c.Item2.ToArray(), c.Item4, c.Item2, new HashSet<int>(c.Item4), System.Collections.Immutable.ImmutableArray.CreateRange(c.Item2), c.Item5),
            new Dictionaries(counts, counts.ToDictionary(p => p.Key, p => p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), counts.ToDictionary(p => p.Key, p => new List<int> { p.Value }), addresses)))
        .Sample(value =>
        {
            Check(value.Item1);
            Check(value.Item2);
        }, iter: 200);

    [Fact]
    public void Nested_objects_and_enums() => Gen.Select(Text, Addresses.Array[0, 3], FiniteDouble, FiniteDouble, Gen.Decimal, Text, Gen.Bool, Gen.Enum<Color>())
        .Select(Gen.Enum<Shade>(), Gen.Enum<Mood>(), (t, shade, mood) => (
            new Nested(new Customer { Name = t.Item1, Home = t.Item2.FirstOrDefault(), Location = new GeoPoint { Lat = t.Item3, Lng = t.Item4 }, Payments = new() { new Money(t.Item5, t.Item6) } },
                t.Item2, t.Item7 ? new Money(t.Item5, t.Item6) : null, t.Item7 ? null : new GeoPoint { Lat = t.Item4, Lng = t.Item3 }),
            new Enums(t.Item8, shade, mood, t.Item7 ? t.Item8 : null, t.Item7 ? null : shade, t.Item8, t.Item7 ? null : t.Item8, t.Item7 ? mood : null)))
        .Sample(value =>
        {
            Check(value.Item1);
            Check(value.Item2, fastPath: false);
        }, iter: 200);

    private static void Check<T>(T value, bool fastPath = true)
        where T : IInngestEventData<T>
        => ParityAssert.Bytes(value, T.JsonTypeInfo, fastPath);
}
