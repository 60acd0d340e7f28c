using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Inngest.Testing.Server;

/// <summary>A request the raw server could not parse; the connection is closed.</summary>
public sealed class RawHttpProtocolException : Exception
{
    public RawHttpProtocolException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// One accepted TCP connection of a <see cref="RawHttpServer"/>: a read buffer over the socket
/// (bytes past a request head stay buffered for its body or the next request), raw writes, and the
/// two ways a connection can end: a graceful close (FIN) or a reset (RST).
/// </summary>
public sealed class RawHttpConnection
{
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();
    private readonly Socket _socket;
    private readonly RawHttpServerLimits _limits;
    private readonly CancellationToken _stopping;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;
    private int _ended;

    internal RawHttpConnection(int id, Socket socket, RawHttpServerLimits limits, CancellationToken stopping)
    {
        Id = id;
        _socket = socket;
        _limits = limits;
        _stopping = stopping;
        socket.NoDelay = true;
    }

    internal RawHttpServerLimits Limits => _limits;

    /// <summary>The connection's number on its server, from 1.</summary>
    public int Id { get; }

    /// <summary>Whether the connection was closed or reset; no further request is read from it.</summary>
    public bool Ended => Volatile.Read(ref _ended) != 0;

    /// <summary>Whether the client closed or reset the connection while no request was being read (polls; consumes nothing).</summary>
    public bool PeerGone
    {
        get
        {
            try
            {
                return Ended || (_socket.Poll(0, SelectMode.SelectRead) && _socket.Available == 0);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return true;
            }
        }
    }

    /// <summary>Writes <paramref name="bytes"/> as they are.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stopping, cancellationToken);
        await _socket.SendAsync(bytes, SocketFlags.None, linked.Token).ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8.</summary>
    public Task WriteAsync(string text, CancellationToken cancellationToken = default) => WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);

    /// <summary>Ends the connection with a FIN after what was written; unread request bytes make the kernel send an RST instead.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
            }

            _socket.Dispose();
        }
    }

    /// <summary>Ends the connection with an RST (linger 0): the peer sees "connection reset".</summary>
    public void Reset()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            try
            {
                _socket.LingerState = new LingerOption(true, 0);
            }
            catch (SocketException)
            {
            }

            _socket.Dispose();
        }
    }

    /// <summary>Reads the next request head; null when the client closed the connection before sending one.</summary>
    internal async Task<RawHttpRequest?> ReadHeadAsync(int requestOnConnection)
    {
        while (true)
        {
            var at = _buffer.AsSpan(_start, _end - _start).IndexOf(HeadEnd);
            if (at > _limits.MaxHeadBytes)
            {
                throw new RawHttpProtocolException("request head too large");
            }

            if (at >= 0)
            {
                var head = Encoding.Latin1.GetString(_buffer, _start, at);
                _start += at + HeadEnd.Length;
                return Parse(head, requestOnConnection);
            }

            if (_end - _start >= _limits.MaxHeadBytes)
            {
                throw new RawHttpProtocolException("request head too large");
            }

            if (await FillAsync().ConfigureAwait(false) == 0)
            {
                if (_end > _start)
                {
                    throw new RawHttpProtocolException("connection closed inside a request head");
                }

                return null;
            }
        }
    }

    /// <summary>Copies up to <paramref name="count"/> buffered-or-received bytes into <paramref name="target"/>; 0 at end of stream.</summary>
    internal async Task<int> ReadAsync(Memory<byte> target)
    {
        if (_end == _start && await FillAsync().ConfigureAwait(false) == 0)
        {
            return 0;
        }

        var n = Math.Min(target.Length, _end - _start);
        _buffer.AsMemory(_start, n).CopyTo(target);
        _start += n;
        return n;
    }

    /// <summary>Reads one CRLF-terminated line (chunked framing).</summary>
    internal async Task<string> ReadLineAsync()
    {
        while (true)
        {
            var at = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (at >= 0)
            {
                var line = Encoding.Latin1.GetString(_buffer, _start, at);
                _start += at + 2;
                return line;
            }

            if (_end - _start > 4096)
            {
                throw new RawHttpProtocolException("chunk line too long");
            }

            if (await FillAsync().ConfigureAwait(false) == 0)
            {
                throw new RawHttpProtocolException("connection closed inside a chunked body");
            }
        }
    }

    private async Task<int> FillAsync()
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            else
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
        }

        using var idle = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
        idle.CancelAfter(_limits.IdleTimeout);
        var read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, idle.Token).ConfigureAwait(false);
        _end += read;
        return read;
    }

    private RawHttpRequest Parse(string head, int requestOnConnection)
    {
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3)
        {
            throw new RawHttpProtocolException("bad request line");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':');
            if (colon <= 0)
            {
                throw new RawHttpProtocolException("bad header line");
            }

            var name = lines[i][..colon].Trim();
            var value = lines[i][(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }

        return new RawHttpRequest(parts[0], parts[1], parts[2], headers, Id, requestOnConnection, head);
    }
}

/// <summary>A request head as it arrived: request line and headers (names case-insensitive).</summary>
/// <param name="Method">The method, e.g. <c>POST</c>.</param>
/// <param name="RawTarget">The request target exactly as sent, escapes kept.</param>
/// <param name="Version">The protocol, e.g. <c>HTTP/1.1</c>.</param>
/// <param name="Headers">The headers; repeated ones joined with ", ".</param>
/// <param name="ConnectionId">The connection's number on its server.</param>
/// <param name="RequestOnConnection">Which request of the connection this is, from 0.</param>
/// <param name="HeadText">The raw head (request line and header lines), without the blank line.</param>
public sealed record RawHttpRequest(
    string Method,
    string RawTarget,
    string Version,
    IReadOnlyDictionary<string, string> Headers,
    int ConnectionId,
    int RequestOnConnection,
    string HeadText)
{
    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
