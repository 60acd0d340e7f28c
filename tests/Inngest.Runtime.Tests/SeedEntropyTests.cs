using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Inngest.Runtime.Tests;

/// <summary>
/// Seeds take their random bytes from per-thread blocks of the system CSPRNG: across block refills and threads every
/// seed must still have the documented form, carry 10 bytes, and never repeat.
/// </summary>
public sealed class SeedEntropyTests
{
    private static readonly Regex Form = new("^(\\d+),([A-Za-z0-9+/]{13}[A-Za-z0-9+/=]{3})$");

    [Fact]
    public void Seeds_across_many_blocks_and_threads_have_the_form_and_never_repeat()
    {
        var seeds = new ConcurrentBag<string>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 1_000; i++) // about 16 blocks of 64 seeds per thread
            {
                seeds.Add(EnvelopeWriter.CreateSeed(1767225600123));
            }
        });

        Assert.Equal(8_000, seeds.Count);
        Assert.All(seeds, seed =>
        {
            var match = Form.Match(seed);
            Assert.True(match.Success, seed);
            Assert.Equal("1767225600123", match.Groups[1].Value);
            Assert.Equal(10, Convert.FromBase64String(match.Groups[2].Value).Length);
        });
        Assert.Equal(8_000, seeds.Select(s => s.Split(',')[1]).Distinct().Count());

        // Not a constant or a counter: the bytes at each position take many values.
        var bytes = seeds.Select(s => Convert.FromBase64String(s.Split(',')[1])).ToArray();
        for (var position = 0; position < 10; position++)
        {
            Assert.True(bytes.Select(b => b[position]).Distinct().Count() > 200, $"byte {position} looks not random");
        }
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(4102444800000L)] // 2100-01-01
    [InlineData(long.MaxValue)]
    public void The_time_part_is_the_given_milliseconds(long ms)
        => Assert.StartsWith(ms.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",", EnvelopeWriter.CreateSeed(ms));
}
