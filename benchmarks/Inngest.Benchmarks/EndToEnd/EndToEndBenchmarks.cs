using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Inngest.Benchmarks.EndToEnd;

/// <summary>
/// The library against the raw-HttpClient limit, both posting to the same in-process Kestrel sink on
/// 127.0.0.1. One operation is a whole workload (10,000 batched events, or 1,000 single sends).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class EndToEndBenchmarks
{
    private EventApiSink _sink = null!;
    private TypedSender _typed = null!;
    private RawSender _raw = null!;
    private CarefulUserSender _careful = null!;

    [Params(Workload.Batch10kBy1000, Workload.Sequential1000, Workload.Concurrent16x1000)]
    public Workload Workload { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _sink = await EventApiSink.StartAsync();
        _typed = new TypedSender(_sink.BaseUrl);
        _raw = new RawSender(_sink.BaseUrl);
        _careful = new CarefulUserSender(_sink.BaseUrl);

        // Every sender must get every event acknowledged, or the comparison means nothing.
        foreach (var sender in new Sender[] { _typed, _raw, _careful })
        {
            _sink.ResetCounters();
            await sender.RunAsync(Workload);
            if (_sink.Events != Sender.EventsPer(Workload) || _sink.Rejected != 0)
            {
                throw new InvalidOperationException($"{sender.GetType().Name} {Workload}: the sink acknowledged {_sink.Events} events and rejected {_sink.Rejected} requests");
            }
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _typed.Dispose();
        _raw.Dispose();
        _careful.Dispose();
        await _sink.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient (limit)")]
    public Task Raw() => _raw.RunAsync(Workload);

    [Benchmark(Description = "careful user (STJ source-gen in the loop)")]
    public Task Careful() => _careful.RunAsync(Workload);

    [Benchmark(Description = "Inngest.Typed client")]
    public Task Typed() => _typed.RunAsync(Workload);
}
