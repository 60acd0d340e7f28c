using System;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Reliability.Tests;

/// <summary>
/// The fault server's raw-socket front: decides each request's fault from its head and makes the
/// raw faults itself (the answers of the open-source Inngest server, proxies that echo the request,
/// broken framing, huge and slow bodies, redirects, odd <c>Retry-After</c> values, and resets or
/// closes at every stage of the exchange); Kestrel faults go through <see cref="KestrelRelay"/>.
/// </summary>
internal sealed class RawFaults
{
    /// <summary>What the open-source server's publisher returns when its queue is down (a transient error it still answers as a 400).</summary>
    internal const string PublishError = "dial tcp 127.0.0.1:6379: connect: connection refused";

    private readonly FaultServer _server;

    public RawFaults(FaultServer server)
    {
        _server = server;
    }

    public async Task HandleAsync(RawHttpExchange exchange)
    {
        var request = exchange.Request;
        var connectionId = "raw-" + request.ConnectionId.ToString(CultureInfo.InvariantCulture);
        var (sequence, context, fault) = _server.Decide(request.Header("x-inngest-event-id-seed"), request.Header("x-inngest-env"), connectionId);
        if (!FaultCatalog.IsRaw(fault))
        {
            await KestrelRelay.RelayAsync(exchange, _server, sequence, context, fault, connectionId).ConfigureAwait(false);
            return;
        }

        var connection = exchange.Connection;
        var seed = context.Seed;
        var requestLine = $"{request.Method} {request.RawTarget} {request.Version}";
        switch (fault)
        {
            case Fault.ResetMidBody:
                _server.Record(sequence, context, fault, request.RawTarget, null, connectionId);
                var length = int.Parse(request.Header("content-length") ?? "0", CultureInfo.InvariantCulture);
                await exchange.ReadBodyPartAsync(length / 2).ConfigureAwait(false);
                connection.Reset();
                return;
            case Fault.EarlyRejectUnread:
                // Like a proxy's body-size limit: answer before reading, then close with the body unread.
                _server.Record(sequence, context, fault, request.RawTarget, null, connectionId);
                await connection.WriteAsync(RawHttpAnswers.Full(413, "Request Entity Too Large", "text/html", "<html><body>413 Request Entity Too Large</body></html>", "Connection: close")).ConfigureAwait(false);
                connection.Close();
                return;
        }

        var body = await exchange.ReadBodyAsync().ConfigureAwait(false);
        var count = _server.Record(sequence, context, fault, request.RawTarget, body, connectionId);
        var stored = FaultCatalog.Stored(fault, count);
        var ok = FaultServer.Ids(seed, count, 200);
        switch (fault)
        {
            case Fault.InngestServerFirstEventFailed:
                await connection.WriteAsync(RawHttpAnswers.InngestServer(400, InngestServerError(seed, 0, "event name is empty"))).ConfigureAwait(false);
                break;
            case Fault.InngestServerPublishError:
                await connection.WriteAsync(RawHttpAnswers.InngestServer(400, InngestServerError(seed, stored, PublishError))).ConfigureAwait(false);
                break;
            case Fault.EchoingReasonPhrase:
                await connection.WriteAsync(RawHttpAnswers.Full(404, "Cannot " + request.Method + " " + request.RawTarget, "text/html", $"<pre>Cannot {request.Method} {request.RawTarget}</pre>")).ConfigureAwait(false);
                break;
            case Fault.InvalidStatusLineEcho:
                await connection.WriteAsync(RawHttpAnswers.Head(requestLine + " 400", "Content-Length: 0")).ConfigureAwait(false);
                connection.Close();
                break;
            case Fault.InvalidHeaderLineEcho:
                await connection.WriteAsync(RawHttpAnswers.Concat(
                    RawHttpAnswers.Head("HTTP/1.1 200 OK", "Content-Type: application/json", "X-Echo " + requestLine, "Content-Length: " + Encoding.UTF8.GetByteCount(ok).ToString(CultureInfo.InvariantCulture)),
                    Encoding.UTF8.GetBytes(ok))).ConfigureAwait(false);
                connection.Close();
                break;
            case Fault.EchoingHeaders:
                await connection.WriteAsync(RawHttpAnswers.Full(500, "Internal Server Error", "application/json",
                    $"{{\"status\":500,\"error\":\"upstream failed for {request.Method} {request.RawTarget}\"}}",
                    "X-Request-Line: " + requestLine, "X-Original-URL: " + request.RawTarget, "Content-Location: " + request.RawTarget)).ConfigureAwait(false);
                break;
            case Fault.GarbageAfterHeaders:
                await connection.WriteAsync(RawHttpAnswers.Concat(
                    RawHttpAnswers.Head("HTTP/1.1 200 OK", "Content-Type: application/json", "Transfer-Encoding: chunked"),
                    "zz-not-a-chunk-size\r\n\u0000\u00ff{\"ids\":"u8.ToArray())).ConfigureAwait(false);
                connection.Close();
                break;
            case Fault.TrailingGarbage:
                await connection.WriteAsync(RawHttpAnswers.Concat(RawHttpAnswers.InngestServer(200, ok), "\u0000GARBAGE HTTP/1.1 999\r\n\r\n"u8.ToArray())).ConfigureAwait(false);
                break;
            case Fault.HugeErrorBody:
                await connection.WriteAsync(RawHttpAnswers.Full(503, "Service Unavailable", "application/json", $"{{\"status\":503,\"error\":{Json(HugeText(request.RawTarget))}}}")).ConfigureAwait(false);
                break;
            case Fault.SlowBody:
            {
                var answer = Encoding.UTF8.GetBytes(ok);
                await connection.WriteAsync(RawHttpAnswers.Head("HTTP/1.1 200 OK", "Content-Type: application/json", "Content-Length: " + answer.Length.ToString(CultureInfo.InvariantCulture))).ConfigureAwait(false);
                await exchange.TrickleAsync(answer, Piece(answer.Length), _server.LateAnswerDelay / 8).ConfigureAwait(false);
                break;
            }

            case Fault.SlowAnswer:
            {
                var answer = RawHttpAnswers.InngestServer(200, ok);
                await exchange.TrickleAsync(answer, Piece(answer.Length), _server.SlowAnswerPause).ConfigureAwait(false);
                break;
            }

            case Fault.RedirectToOtherPort:
                await connection.WriteAsync(RawHttpAnswers.Full(context.Attempt % 2 == 1 ? 307 : 308, context.Attempt % 2 == 1 ? "Temporary Redirect" : "Permanent Redirect", "text/plain", string.Empty,
                    "Location: " + new Uri(_server.ElsewhereBaseUrl, request.RawTarget).AbsoluteUri)).ConfigureAwait(false);
                break;
            case Fault.RetryAfterDate:
                await connection.WriteAsync(RawHttpAnswers.Full(503, "Service Unavailable", "application/json", """{"status":503,"error":"unavailable"}""",
                    "Retry-After: " + DateTimeOffset.UtcNow.AddSeconds(2).ToString("r", CultureInfo.InvariantCulture))).ConfigureAwait(false);
                break;
            case Fault.RetryAfterOutOfRange:
                await connection.WriteAsync(RawHttpAnswers.Full(429, "Too Many Requests", "application/json", """{"status":429,"error":"rate limit exceeded"}""",
                    "Retry-After: " + (context.Attempt % 2 == 1 ? "99999999999" : "Fri, 31 Dec 9999 23:59:59 GMT"))).ConfigureAwait(false);
                break;
            case Fault.ResetAfterStore:
                connection.Reset();
                break;
            case Fault.CloseAfterStore:
                connection.Close();
                break;
            case Fault.ResetMidAnswerHead:
                await connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: appl"u8.ToArray()).ConfigureAwait(false);
                connection.Reset();
                break;
            default:
                throw new InvalidOperationException($"Unhandled raw fault {fault}.");
        }
    }

    /// <summary>
    /// The open-source server's 400 after <paramref name="stored"/> events were stored and the next one failed:
    /// <c>ids[0:max+1]</c> of a slice of empty strings, with <c>max</c> starting at 0, so <c>[""]</c> when event 0 failed.
    /// </summary>
    internal static string InngestServerError(string? seed, int stored, string error)
        => stored == 0
            ? "{\"ids\":[\"\"],\"status\":400,\"error\":" + Json(error) + "}"
            : FaultServer.Ids(seed, stored, 400, error);

    /// <summary>About 3 MB of error text: CR/LF, forged log lines and the request target, as a misbehaving upstream might dump.</summary>
    internal static string HugeText(string rawTarget)
    {
        var text = new StringBuilder(3_200_000).Append("upstream dump for POST ").Append(rawTarget).Append("\r\n");
        for (var i = 0; text.Length < 3_000_000; i++)
        {
            text.Append("2026-12-01T12:00:00Z ERROR forged log entry ").Append(i).Append(": user=admin action=grant\r\n");
        }

        return text.ToString();
    }

    private static int Piece(int length) => Math.Max(1, (length + 7) / 8);

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text, ReliabilityJson.Default.String);
}
