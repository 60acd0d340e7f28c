using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using Inngest.Generators.Tests.Corpus;

namespace Inngest.Generators.Tests.Parity;

/// <summary>
/// The fast path formats decimals itself (every unscaled value below 2^64) instead of calling the writer's decimal
/// formatting: its bytes must be System.Text.Json's for every sign, scale and magnitude, with compact and indented writers.
/// </summary>
public sealed class DecimalParityTests
{
    /// <summary>Values at the edges of the own formatting: zeros with scales and signs, the 2^32 and 2^64 boundaries, the extremes.</summary>
    private static readonly decimal[] Edges =
    {
        0m, 1m, -1m, 0.5m, -0.5m, 1.50m, 19.99m, 275.88m, 0.05m, 100m, 1e-28m, -1e-28m,
        new(0, 0, 0, true, 0), new(0, 0, 0, true, 2), new(0, 0, 0, false, 28), new(0, 0, 0, true, 28),
        new(-1, 0, 0, false, 0), new(0, 1, 0, false, 0), new(-1, -1, 0, false, 0), new(-1, -1, 0, true, 0), new(-1, -1, 0, false, 28), new(-1, -1, 0, true, 19), new(-1, -1, 0, false, 20),
        new(0, 0, 1, false, 0), new(0, 0, 1, true, 5), new(1, 2, 3, false, 27), decimal.MaxValue, decimal.MinValue, new(-1, -1, -1, false, 28),
        new(123456789, 0, 0, false, 9), new(123456789, 0, 0, true, 10), new(5, 0, 0, false, 1), new(10, 0, 0, false, 1), new(1000, 0, 0, false, 3),
    };

    [Fact]
    public void Edge_values_in_every_position_write_as_reflection_writes_them()
    {
        foreach (var value in Edges)
        {
            Check(Of(value, value, value));
        }

        Check(Of(1m, null, null));
    }

    [Fact]
    public void Random_decimals_of_every_scale_and_magnitude_write_as_reflection_writes_them()
        => Gen.Select(Gen.Int, Gen.Int, Gen.Int[0, 3], Gen.Bool, Gen.Byte[0, 28], Gen.Int[0, 2])
            .Select(parts =>
            {
                // The high word is zero most of the time (the own formatting), else small or random (the writer's).
                var hi = parts.Item6 == 0 ? 0 : parts.Item3;
                return new decimal(parts.Item1, parts.Item5 % 2 == 0 ? 0 : parts.Item2, hi, parts.Item4, parts.Item5);
            })
            .Array[1, 6]
            .Sample(values =>
            {
                Check(Of(values[0], values[^1], values.Length > 2 ? values[1] : null, values));
            }, iter: 500);

    private static Decimals Of(decimal amount, decimal? maybe, decimal? element, params decimal[] more)
    {
        var list = new List<decimal> { amount };
        list.AddRange(more);
        return new Decimals(amount, maybe, list, list.ToArray(), new List<decimal?> { element, null, amount },
            list.Select((d, i) => (d, i)).ToDictionary(p => "k" + p.i.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.d));
    }

    private static void Check(Decimals value)
    {
        Assert.True(ParityAssert.UsesFastPath(Info<Decimals>()));
        ParityAssert.Bytes(value, Info<Decimals>(), expectFastPath: true);

        // A writer the caller made, indented: the fast path's raw digits would lose the indentation, so it must fall back.
        foreach (var indented in new[] { true, false })
        {
            Assert.Equal(WithWriter(value, ParityAssert.Reflection, indented), WithWriter(value, Info<Decimals>(), indented));
        }
    }

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> Info<T>()
        where T : IInngestEventData<T>
        => T.JsonTypeInfo;

    private static string WithWriter(Decimals value, JsonSerializerOptions options, bool indented)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            JsonSerializer.Serialize(writer, value, options);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string WithWriter(Decimals value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<Decimals> info, bool indented)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            JsonSerializer.Serialize(writer, value, info);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
