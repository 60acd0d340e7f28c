using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Inngest.Testing.Server;

/// <summary>The bounds a <see cref="RawHttpServer"/> keeps, so a test that goes wrong cannot make it run or grow forever.</summary>
public sealed record RawHttpServerLimits
{
    /// <summary>Connections handled at once; further ones wait in the listen backlog.</summary>
    public int MaxConnections { get; init; } = 256;

    /// <summary>The longest request line plus headers.</summary>
    public int MaxHeadBytes { get; init; } = 64 * 1024;

    /// <summary>The largest request body.</summary>
    public int MaxBodyBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>A connection with no bytes for this long is closed.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The server stops by itself after this long, whether or not it was disposed.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// An HTTP/1.1 server on a raw socket at 127.0.0.1 (random port) for answers no real HTTP server
/// library will produce: invalid status lines, header lines that echo the request, garbage after the
/// headers, bodies trickled byte by byte, and connection resets at any point of an exchange. It
/// parses requests (Content-Length and chunked bodies, keep-alive) and hands each one to the
/// handler, which writes whatever bytes it likes. Bounded by <see cref="RawHttpServerLimits"/>.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<RawHttpExchange, Task> _handler;
    private readonly RawHttpServerLimits _limits;
    private readonly CancellationTokenSource _stop;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<int, RawHttpConnection> _open = new();
    private readonly Task _acceptLoop;
    private int _connections;
    private int _disposed;

    private RawHttpServer(Func<RawHttpExchange, Task> handler, RawHttpServerLimits limits)
    {
        _handler = handler;
        _limits = limits;
        _slots = new SemaphoreSlim(limits.MaxConnections);
        _stop = new CancellationTokenSource(limits.Lifetime);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start(backlog: 512);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        BaseUrl = new Uri($"http://127.0.0.1:{Port}/");
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseUrl { get; }

    /// <summary>The listening port.</summary>
    public int Port { get; }

    /// <summary>How many TCP connections were accepted.</summary>
    public int ConnectionCount => Volatile.Read(ref _connections);

    /// <summary>Starts listening; <paramref name="handler"/> answers each request.</summary>
    /// <param name="handler">Called once per request, after its head was read; it reads the body (or not) and writes the answer.</param>
    /// <param name="limits">Bounds; null keeps the defaults.</param>
    public static RawHttpServer Start(Func<RawHttpExchange, Task> handler, RawHttpServerLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new RawHttpServer(handler, limits ?? new RawHttpServerLimits());
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Cancel();
        foreach (var connection in _open.Values)
        {
            connection.Reset();
        }

        try
        {
            await _acceptLoop.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        using var stopping = _stop.Token.Register(() => _listener.Stop());
        var running = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await _slots.WaitAsync(_stop.Token).ConfigureAwait(false);
                Socket socket;
                try
                {
                    socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
                }
                catch
                {
                    _slots.Release();
                    throw;
                }

                var id = Interlocked.Increment(ref _connections);
                var connection = new RawHttpConnection(id, socket, _limits, _stop.Token);
                _open[id] = connection;
                running.RemoveAll(t => t.IsCompleted);
                running.Add(Task.Run(() => ServeAsync(connection)));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopped: disposed, or the lifetime ran out
        }
        finally
        {
            _listener.Stop();
            foreach (var connection in _open.Values)
            {
                connection.Reset();
            }

            await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ServeAsync(RawHttpConnection connection)
    {
        try
        {
            var index = 0;
            while (!connection.Ended)
            {
                var head = await connection.ReadHeadAsync(index).ConfigureAwait(false);
                if (head is null)
                {
                    break; // the client closed the connection between requests
                }

                var exchange = new RawHttpExchange(connection, head);
                await _handler(exchange).ConfigureAwait(false);
                if (!connection.Ended)
                {
                    await exchange.SkipUnreadBodyAsync().ConfigureAwait(false);
                }

                index++;
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or RawHttpProtocolException)
        {
            // the client went away, or sent something we do not parse; the connection ends either way
        }
        finally
        {
            connection.Close();
            _open.TryRemove(connection.Id, out _);
            _slots.Release();
        }
    }
}
