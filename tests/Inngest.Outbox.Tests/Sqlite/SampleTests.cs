using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace Inngest.Outbox.Tests.Sqlite;

/// <summary>`dotnet run --project samples/Outbox`: its migration creates the outbox, and the order's event goes out once.</summary>
public sealed class SampleTests
{
    [Fact]
    public async Task The_sample_saves_an_order_and_its_event_in_one_transaction_and_the_dispatcher_sends_it()
    {
        var directory = typeof(SampleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SampleDirectory").Value!;
        var database = Path.Combine(Path.GetTempPath(), $"outbox-sample-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(directory, "OutboxSample.dll"));
        start.Environment.Remove("INNGEST_EVENT_KEY");
        start.Environment.Remove("INNGEST_DEV");
        start.Environment["OUTBOX_SAMPLE_DB"] = database;
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            var text = await output;
            Assert.True(process.ExitCode == 0, text + await errors);
            Assert.Single(text.Split('\n'), l => l.StartsWith("POST /e/***", StringComparison.Ordinal));
            Assert.Contains("\"name\":\"shop/order.placed\"", text, StringComparison.Ordinal);
            Assert.Contains("outbox: 0 pending, 0 parked", text, StringComparison.Ordinal);

            await using var connection = new SqliteConnection(TestDatabase.SqliteConnectionString(database));
            await connection.OpenAsync();
            await using var command = new SqliteCommand("SELECT (SELECT COUNT(*) FROM Orders), (SELECT COUNT(*) FROM inngest_outbox), (SELECT COUNT(*) FROM __EFMigrationsHistory)", connection);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal((1L, 0L, 1L), (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileName(database) + "*"))
            {
                File.Delete(file);
            }
        }
    }
}
