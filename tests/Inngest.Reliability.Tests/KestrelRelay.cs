using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Reliability.Tests;

/// <summary>
/// Hands one request from the raw front to Kestrel and copies Kestrel's answer back byte for byte,
/// so the Kestrel faults stay what a real HTTP stack writes. Each request gets its own upstream
/// connection (<c>Connection: close</c>; that header is taken out of the answer so the client's
/// connection stays reusable). When Kestrel aborts the request, the client's connection is reset too.
/// </summary>
internal static class KestrelRelay
{
    public static async Task RelayAsync(RawHttpExchange exchange, FaultServer server, long sequence, FaultContext context, Fault fault, string connectionId)
    {
        var request = exchange.Request;
        var body = await exchange.ReadBodyAsync().ConfigureAwait(false);
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await upstream.ConnectAsync(IPAddress.Loopback, server.KestrelBaseUrl.Port).ConfigureAwait(false);

        var head = new StringBuilder($"{request.Method} {request.RawTarget} {request.Version}\r\n");
        foreach (var (name, value) in request.Headers)
        {
            if (!name.Equals("connection", StringComparison.OrdinalIgnoreCase) && !name.Equals("content-length", StringComparison.OrdinalIgnoreCase)
                && !name.Equals("transfer-encoding", StringComparison.OrdinalIgnoreCase) && !name.Equals(FaultServer.DecisionHeader, StringComparison.OrdinalIgnoreCase))
            {
                head.Append(name).Append(": ").Append(value).Append("\r\n");
            }
        }

        var decision = string.Join(';', sequence.ToString(CultureInfo.InvariantCulture), fault, context.Attempt.ToString(CultureInfo.InvariantCulture),
            context.Chunk.ToString(CultureInfo.InvariantCulture), connectionId, Uri.EscapeDataString(context.Env ?? string.Empty), Uri.EscapeDataString(context.Seed ?? string.Empty));
        head.Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\nConnection: close\r\n")
            .Append(FaultServer.DecisionHeader).Append(": ").Append(decision).Append("\r\n\r\n");
        await upstream.SendAsync(RawHttpAnswers.Concat(Encoding.Latin1.GetBytes(head.ToString()), body), SocketFlags.None).ConfigureAwait(false);

        // A client that gives up (timeout, cancellation) must abort the request at Kestrel too, as it would without the relay.
        using var relaying = new CancellationTokenSource();
        var watch = WatchClientAsync(exchange.Connection, upstream, relaying.Token);
        var buffer = new byte[16 * 1024];
        var answerHead = Array.Empty<byte>();
        var headDone = false;
        var reset = false;
        try
        {
            while (true)
            {
                var read = await upstream.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                if (headDone)
                {
                    await exchange.Connection.WriteAsync(buffer.AsMemory(0, read)).ConfigureAwait(false);
                    continue;
                }

                answerHead = RawHttpAnswers.Concat(answerHead, buffer.AsSpan(0, read).ToArray());
                var end = answerHead.AsSpan().IndexOf("\r\n\r\n"u8);
                if (end >= 0)
                {
                    headDone = true;
                    await exchange.Connection.WriteAsync(WithoutConnectionClose(answerHead, end)).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            reset = true;
        }
        finally
        {
            relaying.Cancel();
            await watch.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (reset || !headDone || server.Aborted(sequence))
        {
            exchange.Connection.Reset();
        }
    }

    private static async Task WatchClientAsync(RawHttpConnection client, Socket upstream, CancellationToken relaying)
    {
        while (!relaying.IsCancellationRequested)
        {
            await Task.Delay(50, relaying).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!relaying.IsCancellationRequested && client.PeerGone)
            {
                upstream.LingerState = new LingerOption(true, 0);
                upstream.Dispose(); // Kestrel sees the reset: RequestAborted fires
                return;
            }
        }
    }

    private static byte[] WithoutConnectionClose(byte[] answer, int headEnd)
    {
        var head = Encoding.Latin1.GetString(answer, 0, headEnd);
        var kept = string.Join("\r\n", Array.FindAll(head.Split("\r\n"), line => !line.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase)));
        return RawHttpAnswers.Concat(Encoding.Latin1.GetBytes(kept), answer.AsSpan(headEnd).ToArray());
    }
}
