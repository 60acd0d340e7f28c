using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Threading.Tasks;
using Npgsql;

namespace Inngest.Outbox.Tests;

/// <summary>
/// A private PostgreSQL cluster for the test run, made by eng/postgres/start.sh (which installs PostgreSQL from the
/// Debian packages when it is missing) in a directory under the test's output folder, on a free 127.0.0.1 port, and
/// stopped and removed by eng/postgres/stop.sh when the tests end. Shared by the PostgreSQL test classes.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private string _directory = string.Empty;

    public int Port { get; private set; }

    public string ConnectionString(string database)
        => new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = true, MaxPoolSize = 50, IncludeErrorDetail = true }.ToString();

    public async Task InitializeAsync()
    {
        _directory = Path.Combine(AppContext.BaseDirectory, "postgres-" + Guid.NewGuid().ToString("N")[..8]);
        Port = FreePort();
        var (code, output) = await RunAsync("start.sh", _directory, Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (code != 0)
        {
            throw new InvalidOperationException($"eng/postgres/start.sh failed ({code}):\n{output}");
        }
    }

    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsync("stop.sh", _directory);
    }

    private static async Task<(int Code, string Output)> RunAsync(string script, params string[] arguments)
    {
        var root = typeof(PostgresCluster).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(root, "eng", "postgres", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
