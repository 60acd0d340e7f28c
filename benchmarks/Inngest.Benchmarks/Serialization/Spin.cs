using System;
using System.Diagnostics;
using System.Globalization;
using Inngest.Benchmarks.Serialization;

namespace Inngest.Benchmarks;

/// <summary>
/// Runs one serialization variant in a loop for a while, after the warm-up the comparisons use, so a sampling profiler
/// can be attached to a process that does nothing else:
/// <c>DOTNET_PerfMapEnabled=1 perf record -g dotnet Inngest.Benchmarks.dll spin Order2KB generated 10</c>.
/// Variants: generated, stj, data-generated, data-stj; for the receiving side (the body a <c>ReceivedBody</c>):
/// parse-typed, parse-stj, parse-data-generated, parse-data-stj.
/// </summary>
internal static class Spin
{
    public static int Run(string[] args)
    {
        var variant = args.Length > 1 ? args[1] : "generated";
        var seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        var b = new SerializationBenchmarks { Body = variant.StartsWith("parse-", StringComparison.Ordinal) ? Body.AccountCreated : args.Length > 0 ? Enum.Parse<Body>(args[0]) : Body.Order2KB };
        b.Setup();
        var received = new Receiving.ReceivingBenchmarks { Body = variant.StartsWith("parse-", StringComparison.Ordinal) ? Enum.Parse<Receiving.ReceivedBody>(args[0]) : Receiving.ReceivedBody.AccountCreated };
        received.Setup();
        var body = variant.StartsWith("parse-", StringComparison.Ordinal) ? received.Body.ToString() : b.Body.ToString();
        Func<long> run = variant switch
        {
            "generated" => () => b.Generated(),
            "stj" => () => b.StjSourceGenEnvelopeType(),
            "data-generated" => () => b.DataOnlyGenerated(),
            "data-stj" => () => b.DataOnlyStj(),
            "parse-typed" => () => received.Typed() is null ? 0 : 1,
            "parse-stj" => () => received.SystemTextJson() is null ? 0 : 1,
            "parse-data-generated" => () => received.DataWithGeneratedMetadata() is null ? 0 : 1,
            "parse-data-stj" => () => received.DataWithStjMetadata() is null ? 0 : 1,
            _ => throw new ArgumentException($"unknown variant {variant}: use generated, stj, data-generated, data-stj, or (with a ReceivedBody) parse-typed, parse-stj, parse-data-generated, parse-data-stj"),
        };
        JitWarmup.Run(new[] { run }, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();
        long ops = 0;
        var cpu0 = ThreadCpuClock.NowNs();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            JitWarmup.TimeSlice(run, 1000);
            ops += 1000;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{body} {variant}: {(ThreadCpuClock.NowNs() - cpu0) / (double)ops:N0} ns CPU per body over {ops:N0} bodies"));
        b.Cleanup();
        return 0;
    }
}
