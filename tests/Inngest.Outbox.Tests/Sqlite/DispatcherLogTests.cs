using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Inngest.EntityFrameworkCore;
using Inngest.Testing.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inngest.Outbox.Tests.Sqlite;

/// <summary>What the dispatcher logs, and what it refuses before it starts.</summary>
public sealed class DispatcherLogTests
{
    [Fact]
    public async Task Logs_name_the_parked_row_and_its_error_but_never_the_key_the_data_or_the_user()
    {
        await using var database = await TestDatabase.SqliteAsync();
        await using var server = await CaptureServer.StartAsync();
        server.Responder = r => r.BodyText.Contains("poison", StringComparison.Ordinal)
            ? ScriptedResponse.Json(400, """{"error":"event data is invalid"}""")
            : ScriptedResponse.Json(503, """{"error":"down"}""");
        var records = new ConcurrentQueue<string>();
        var clientOptions = OutboxHarness.ClientOptions(server.BaseUrl);
        using var client = new InngestClient(clientOptions);
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(new RecordingProvider(records)));
        services.AddDbContext<ShopContext>(database.Configure);
        services.AddSingleton<IInngestClient>(client);
        services.AddInngestOutbox<ShopContext>();
        await using var provider = services.BuildServiceProvider();
        await using (var db = database.NewContext())
        {
            db.Inngest().EnqueueOrderPlaced(new OrderPlaced("poison", 1m, ["secret-item-data"]), new InngestUser { Email = "secret@example.com" }, id: "poison-id");
            await db.SaveChangesAsync();
        }

        await provider.GetRequiredService<InngestOutboxDispatcher<ShopContext>>().DispatchBatchAsync();
        await Orders.PlaceAsync(database, "later");
        await provider.GetRequiredService<InngestOutboxDispatcher<ShopContext>>().DispatchBatchAsync();

        var all = string.Join("\n", records);
        Assert.Contains(records, r => r.StartsWith("Error InngestOutboxParked", StringComparison.Ordinal) && r.Contains("poison-id", StringComparison.Ordinal) && r.Contains("event data is invalid", StringComparison.Ordinal));
        Assert.Contains(records, r => r.StartsWith("Warning InngestOutboxRetrying", StringComparison.Ordinal) && r.Contains("503", StringComparison.Ordinal));
        Assert.DoesNotContain(clientOptions.EventKey!, all, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-item-data", all, StringComparison.Ordinal);
        Assert.DoesNotContain("secret@example.com", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Unusable_options_fail_when_the_dispatcher_is_created_with_every_problem_named()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IInngestClient>(new InngestClient(new InngestClientOptions { EventKey = "k", EnvironmentReader = _ => null }));
        services.AddInngestOutbox<ShopContext>(o =>
        {
            o.BatchSize = 6000;
            o.LeaseDuration = TimeSpan.FromMilliseconds(10);
            o.SentRetention = TimeSpan.FromSeconds(-1);
        });
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<InngestOutboxDispatcher<ShopContext>>());
        Assert.Contains("BatchSize is 6000", error.Message, StringComparison.Ordinal);
        Assert.Contains("LeaseDuration", error.Message, StringComparison.Ordinal);
        Assert.Contains("SentRetention is negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enqueueing_on_a_context_without_the_outbox_table_says_how_to_add_it()
    {
        await using var database = await TestDatabase.SqliteAsync();
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<PlainContext>();
        database.Configure(options);
        await using var db = new PlainContext(options.Options);
        var error = Assert.Throws<InvalidOperationException>(() => db.Inngest().EnqueueOrderPlaced(Orders.Placed("o1")));
        Assert.Contains("modelBuilder.AddInngestOutbox()", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => database.NewContext().Inngest().EnqueueOrderPlaced(null!));
    }

    private sealed class PlainContext(Microsoft.EntityFrameworkCore.DbContextOptions<PlainContext> options) : Microsoft.EntityFrameworkCore.DbContext(options);

    private sealed class RecordingProvider(ConcurrentQueue<string> records) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new RecordingLogger(records);

        public void Dispose()
        {
        }
    }

    private sealed class RecordingLogger(ConcurrentQueue<string> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, object?>> pairs
                ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            records.Enqueue($"{logLevel} {eventId.Name} {formatter(state, exception)} {values} {exception}");
        }
    }
}
