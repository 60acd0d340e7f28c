using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Inngest.Benchmarks.EndToEnd;
using Inngest.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inngest.Benchmarks.Outbox;

/// <summary>
/// 1,000 events to the in-process Kestrel sink on 127.0.0.1, in requests of 100: sent directly with the client, and
/// dispatched from 1,000 committed outbox rows (claim, send, delete per batch of 100). The rows are written before
/// each iteration, outside the measurement.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 12, invocationCount: 1)]
public class DispatchBenchmarks
{
    private const int Events = 1000;
    private const int BatchSize = 100;
    private EventApiSink _sink = null!;
    private BenchDatabase _database = null!;
    private InngestClient _client = null!;
    private ServiceProvider _services = null!;
    private InngestOutboxDispatcher<BenchShopContext> _dispatcher = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _sink = await EventApiSink.StartAsync();
        _database = new BenchDatabase();
        await _database.CreateAsync();
        _client = new InngestClient(new InngestClientOptions { BaseUrl = _sink.BaseUrl.ToString(), EventKey = "bench-key", EnvironmentReader = _ => null });
        var services = new ServiceCollection();
        services.AddDbContext<BenchShopContext>(o => o.UseSqlite(_database.ConnectionString));
        services.AddSingleton<IInngestClient>(_client);
        services.AddInngestOutbox<BenchShopContext>(o => o.BatchSize = BatchSize);
        _services = services.BuildServiceProvider();
        _dispatcher = _services.GetRequiredService<InngestOutboxDispatcher<BenchShopContext>>();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _services.DisposeAsync();
        _client.Dispose();
        await _sink.DisposeAsync();
        _database.Dispose();
    }

    [IterationSetup(Target = nameof(Dispatch))]
    public void Fill()
    {
        using var db = new BenchShopContext(_database.Options);
        for (var i = 0; i < Events; i++)
        {
            db.Inngest().EnqueueBenchOrderPlaced(new BenchOrderPlaced("o" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "taylor@example.com", 42.5m));
        }

        db.SaveChanges();
    }

    [Benchmark(Baseline = true, Description = "send 1,000 directly (10 x 100)")]
    public async Task Direct()
    {
        for (var batch = 0; batch < Events / BatchSize; batch++)
        {
            var events = new List<InngestEvent>(BatchSize);
            for (var i = 0; i < BatchSize; i++)
            {
                events.Add(InngestEvent.Create(new BenchOrderPlaced("o" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "taylor@example.com", 42.5m)));
            }

            await _client.SendAsync(events);
        }
    }

    [Benchmark(Description = "dispatch 1,000 outbox rows (10 x 100)")]
    public async Task Dispatch()
    {
        var sent = 0;
        while (sent < Events)
        {
            var count = await _dispatcher.DispatchBatchAsync();
            if (count == 0)
            {
                throw new InvalidOperationException($"the outbox ran dry after {sent} rows");
            }

            sent += count;
        }
    }
}
