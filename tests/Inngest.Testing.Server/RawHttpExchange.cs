using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Inngest.Testing.Server;

/// <summary>
/// One request on a <see cref="RawHttpServer"/> connection and the means to answer it with any
/// bytes: read the body (all, or only a part before a reset), write raw bytes (or trickle them),
/// then leave the connection open for the next request, close it, or reset it.
/// </summary>
public sealed class RawHttpExchange
{
    private readonly RawHttpConnection _connection;
    private long _remaining; // Content-Length body bytes not read yet; -1 while a chunked body is unread
    private bool _chunked;

    internal RawHttpExchange(RawHttpConnection connection, RawHttpRequest request)
    {
        _connection = connection;
        Request = request;
        if (request.Header("transfer-encoding") is { } te && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            _chunked = true;
            _remaining = -1;
        }
        else if (request.Header("content-length") is { } length)
        {
            _remaining = long.Parse(length, NumberStyles.None, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The request head.</summary>
    public RawHttpRequest Request { get; }

    /// <summary>The connection, to write to, close or reset.</summary>
    public RawHttpConnection Connection => _connection;

    /// <summary>Reads the whole body (Content-Length or chunked).</summary>
    public async Task<byte[]> ReadBodyAsync()
    {
        using var body = new MemoryStream();
        if (_chunked)
        {
            while (true)
            {
                var line = await _connection.ReadLineAsync().ConfigureAwait(false);
                var size = int.Parse(line.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    while ((await _connection.ReadLineAsync().ConfigureAwait(false)).Length > 0)
                    {
                        // trailers
                    }

                    break;
                }

                await CopyAsync(body, size).ConfigureAwait(false);
                await _connection.ReadLineAsync().ConfigureAwait(false);
            }

            _chunked = false;
            _remaining = 0;
        }
        else
        {
            await CopyAsync(body, _remaining).ConfigureAwait(false);
            _remaining = 0;
        }

        return body.ToArray();
    }

    /// <summary>Reads at most <paramref name="count"/> bytes of a Content-Length body (a part, before a reset).</summary>
    public async Task<int> ReadBodyPartAsync(int count)
    {
        if (_chunked)
        {
            throw new InvalidOperationException("a partial read needs a Content-Length body");
        }

        var buffer = new byte[Math.Min(count, (int)Math.Min(_remaining, int.MaxValue))];
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await _connection.ReadAsync(buffer.AsMemory(total)).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        _remaining -= total;
        return total;
    }

    /// <summary>Writes <paramref name="bytes"/> in pieces of <paramref name="piece"/> bytes with <paramref name="pause"/> between them.</summary>
    public async Task TrickleAsync(ReadOnlyMemory<byte> bytes, int piece, TimeSpan pause, CancellationToken cancellationToken = default)
    {
        for (var at = 0; at < bytes.Length; at += piece)
        {
            await _connection.WriteAsync(bytes.Slice(at, Math.Min(piece, bytes.Length - at)), cancellationToken).ConfigureAwait(false);
            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads and drops what is left of the body, so the next request on the connection can be parsed.</summary>
    internal async Task SkipUnreadBodyAsync()
    {
        if (_chunked || _remaining > 0)
        {
            await ReadBodyAsync().ConfigureAwait(false);
        }
    }

    private async Task CopyAsync(Stream target, long count)
    {
        var buffer = new byte[16 * 1024];
        while (count > 0)
        {
            var read = await _connection.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count))).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("the connection closed inside the request body");
            }

            if (target.Length + read > _connection.Limits.MaxBodyBytes)
            {
                throw new RawHttpProtocolException("request body too large");
            }

            await target.WriteAsync(buffer.AsMemory(0, read)).ConfigureAwait(false);
            count -= read;
        }
    }
}
