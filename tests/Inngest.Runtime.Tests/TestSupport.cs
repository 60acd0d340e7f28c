using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Testing.Server;
using Microsoft.Extensions.Time.Testing;

namespace Inngest.Runtime.Tests;

/// <summary>Payloads written through System.Text.Json source-generated metadata, as users with their own context would.</summary>
public sealed record AccountCreated(string AccountId, string BillingPlan);

public sealed record InvoiceCreated(string InvoiceId);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AccountCreated))]
[JsonSerializable(typeof(InvoiceCreated))]
[JsonSerializable(typeof(int[]))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(double))]
public sealed partial class TestJson : JsonSerializerContext
{
}

/// <summary>
/// A <see cref="FakeTimeProvider"/> that records the due time of every timer the client creates
/// (retry delays and per-attempt timeouts), so tests can read the exact backoff and release it.
/// </summary>
public sealed class RecordingClock : FakeTimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _timers = new();

    public RecordingClock()
        : base(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public IReadOnlyList<TimeSpan> Timers => _timers.ToArray();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _timers.Enqueue(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Waits (in real time) until the client has created a timer other than <paramref name="except"/>, and returns the n-th such.</summary>
    public async Task<TimeSpan> WaitForDelayAsync(int n, TimeSpan except)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            var delays = _timers.Where(t => t != except).ToArray();
            if (delays.Length >= n)
            {
                return delays[n - 1];
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"The client created only {_timers.Count(t => t != except)} delay timer(s), expected {n}.");
    }
}

public static class Wire
{
    public const string Key = "test-key-123";

    /// <summary>Options pointing at <paramref name="server"/> that ignore the machine's environment.</summary>
    public static InngestClientOptions Options(CaptureServer server, Dictionary<string, string>? env = null) => new()
    {
        EventKey = Key,
        BaseUrl = server.BaseUrl.ToString(),
        EnvironmentReader = Env(env),
        InitialRetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryJitter = TimeSpan.FromMilliseconds(1),
    };

    public static Func<string, string?> Env(Dictionary<string, string>? env)
        => name => env is not null && env.TryGetValue(name, out var value) ? value : null;

    public static InngestEvent<AccountCreated> Account(InngestUser? user = null, string? id = null, DateTimeOffset? timestamp = null, string? version = null)
        => new("app/account.created", new AccountCreated("645e9f6794e10937e9bdc201", "pro"), TestJson.Default.AccountCreated)
        {
            User = user,
            Id = id,
            Timestamp = timestamp,
            Version = version,
        };

    public static InngestUser Taylor => new() { ExternalId = "645ea000129f1c40109ca7ad", Email = "taylor@example.com" };

    public static InngestEvent Json(string name, string data) => InngestEvent.FromJson(name, data);

    /// <summary>Waits (real time) until the server has seen <paramref name="count"/> requests.</summary>
    public static async Task WaitForRequestsAsync(CaptureServer server, int count)
    {
        var watch = Stopwatch.StartNew();
        while (server.Requests.Count < count)
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"The server saw {server.Requests.Count} request(s), expected {count}.");
            }

            await Task.Delay(5);
        }
    }

    public static long SeedMs(CapturedRequest request) => long.Parse(request.Header("x-inngest-event-id-seed")!.Split(',')[0]);
}
