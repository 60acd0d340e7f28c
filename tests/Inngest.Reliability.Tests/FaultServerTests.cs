using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Reliability.Tests;

/// <summary>The fault server itself: the raw socket parses what clients send, stays bounded, and the relay keeps Kestrel's answers as Kestrel wrote them.</summary>
public sealed class FaultServerTests
{
    private static async Task<string> ExchangeAsync(int port, string request)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port);
        await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None);
        socket.Shutdown(SocketShutdown.Send);
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
        {
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return answer.ToString();
    }

    [Fact]
    public async Task The_raw_server_reads_content_length_and_chunked_bodies_on_one_kept_alive_connection()
    {
        var bodies = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var server = RawHttpServer.Start(async exchange =>
        {
            bodies.Enqueue(exchange.Request.Method + " " + exchange.Request.RawTarget + " " + Encoding.UTF8.GetString(await exchange.ReadBodyAsync()));
            await exchange.Connection.WriteAsync(RawHttpAnswers.Full(200, "OK", "text/plain", "ok"));
        });

        var answer = await ExchangeAsync(server.Port,
            "POST /e/a%2Fb HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
            + "POST /second HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n");

        Assert.Equal(new[] { "POST /e/a%2Fb hello", "POST /second abcde" }, bodies);
        Assert.Equal(2, answer.Split("HTTP/1.1 200 OK").Length - 1);
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task The_raw_server_closes_a_connection_whose_head_is_too_large_and_stops_by_itself()
    {
        await using var server = RawHttpServer.Start(
            exchange => exchange.Connection.WriteAsync(RawHttpAnswers.Full(200, "OK", "text/plain", "ok")),
            new RawHttpServerLimits { MaxHeadBytes = 1024, Lifetime = TimeSpan.FromSeconds(2) });

        var answer = await ExchangeAsync(server.Port, "GET / HTTP/1.1\r\nX-Big: " + new string('a', 4000) + "\r\n\r\n");
        Assert.Equal(string.Empty, answer);

        await Task.Delay(TimeSpan.FromSeconds(3));
        var refused = await Record.ExceptionAsync(() => ExchangeAsync(server.Port, "GET / HTTP/1.1\r\n\r\n"));
        Assert.IsAssignableFrom<SocketException>(refused);
    }

    public static TheoryData<Fault> KestrelAnswers() => new()
    {
        Fault.None, Fault.Status500, Fault.Status502, Fault.Status503, Fault.TooManyRequests, Fault.RequestTimeout,
        Fault.NonJsonBody, Fault.OkWithoutIds, Fault.OkWrongIdCount, Fault.BadRequestPartial,
    };

    [Theory]
    [MemberData(nameof(KestrelAnswers))]
    public async Task The_relay_gives_the_client_what_Kestrel_answers(Fault fault)
    {
        await using var server = await FaultServer.StartAsync();
        server.Policy = _ => fault;
        using var http = new HttpClient();

        async Task<(int Status, string? RetryAfter, string Body)> SendAsync(Uri baseUrl, string seed)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "e/key"))
            {
                Content = new StringContent("""[{"name":"app/x","data":{"k":"a"}},{"name":"app/x","data":{"k":"b"}}]""", Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("x-inngest-event-id-seed", seed);
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            for (var i = 0; i < 3; i++)
            {
                body = body.Replace(CaptureServer.IdFor(seed, i), "#" + i, StringComparison.Ordinal); // ids derive from the seed
            }

            return ((int)response.StatusCode, response.Headers.RetryAfter?.ToString(), body);
        }

        var direct = await SendAsync(server.KestrelBaseUrl, "1,direct");
        var relayed = await SendAsync(server.BaseUrl, "1,relayed");

        Assert.Equal(direct, relayed);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(server.Requests[0].BodyHash, server.Requests[1].BodyHash);
        Assert.All(server.Requests, r => Assert.Equal(fault, r.Fault));
    }

    [Fact]
    public async Task A_client_that_gives_up_aborts_the_relayed_request_at_Kestrel()
    {
        await using var server = await FaultServer.StartAsync();
        server.Policy = _ => Fault.AnswerAfterTimeout;
        server.LateAnswerDelay = TimeSpan.FromSeconds(20);
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => http.PostAsync(new Uri(server.BaseUrl, "e/key"), new StringContent("[]")));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await server.DisposeAsync(); // Kestrel's handler saw RequestAborted: stopping does not wait for the 20 s answer
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {watch.Elapsed}");
        Assert.Single(server.Requests);
    }
}
