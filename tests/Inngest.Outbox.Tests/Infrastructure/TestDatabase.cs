using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Inngest.Outbox.Tests;

/// <summary>A real database for one test: a SQLite file in a fresh directory, or a fresh database on the private PostgreSQL cluster.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly Func<Task>? _drop;

    private TestDatabase(Action<DbContextOptionsBuilder> configure, string description, string? directory, Func<Task>? drop)
    {
        Configure = configure;
        Description = description;
        _directory = directory;
        _drop = drop;
    }

    /// <summary>Points a context at this database.</summary>
    public Action<DbContextOptionsBuilder> Configure { get; }

    public string Description { get; }

    public static async Task<TestDatabase> SqliteAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "inngest-outbox-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var connection = SqliteConnectionString(Path.Combine(directory, "shop.db"));
        var database = new TestDatabase(o => o.UseSqlite(connection), connection, directory, null);
        await database.CreateAsync();
        return database;
    }

    public static string SqliteConnectionString(string path)
        => new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString();

    public static async Task<TestDatabase> PostgreSqlAsync(PostgresCluster cluster)
    {
        var name = "shop_" + Guid.NewGuid().ToString("N")[..12];
        var connection = cluster.ConnectionString(name);
        var database = new TestDatabase(o => o.UseNpgsql(connection), connection, null, () => cluster.DropDatabaseAsync(name));
        await database.CreateAsync();
        return database;
    }

    public ShopContext NewContext()
    {
        var builder = new DbContextOptionsBuilder<ShopContext>();
        Configure(builder);
        return new ShopContext(builder.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_drop is not null)
        {
            await _drop();
        }

        if (_directory is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a child process that is being killed; the temp folder is cleaned by the OS.
            }
        }
    }

    private async Task CreateAsync()
    {
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
        if (db.Database.IsSqlite())
        {
            // WAL lets the dispatcher read while the application writes (the documented SQLite setup).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
