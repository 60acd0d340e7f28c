using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Receiving.Tests;

/// <summary>
/// One capture server and one real client for the whole test run: events are sent over HTTP on 127.0.0.1 exactly as in
/// production, and the request body the server received is what the tests parse.
/// </summary>
internal static class WireCapture
{
    private static readonly Lazy<Task<(CaptureServer Server, InngestClient Client)>> Shared = new(async () =>
    {
        var server = await CaptureServer.StartAsync().ConfigureAwait(false);
        var client = new InngestClient(new InngestClientOptions
        {
            EventKey = "receiving-test-key",
            BaseUrl = server.BaseUrl.ToString(),
            EnvironmentReader = _ => null,
        });
        return (server, client);
    });

    private static readonly object Gate = new();

    public static async Task<CaptureServer> ServerAsync() => (await Shared.Value.ConfigureAwait(false)).Server;

    /// <summary>Sends the events as one call and returns the request the server captured for it.</summary>
    public static async Task<CapturedRequest> SendAsync(params InngestEvent[] events)
    {
        var (server, client) = await Shared.Value.ConfigureAwait(false);
        var marker = Guid.NewGuid().ToString("N");
        await client.SendAsync(events, new InngestSendOptions { Env = marker }).ConfigureAwait(false);
        return server.Requests.Last(r => r.Header("x-inngest-env") == marker);
    }

    /// <summary>The synchronous form, for the linked parity tests (which are synchronous).</summary>
    public static CapturedRequest Send(params InngestEvent[] events)
    {
        lock (Gate)
        {
            return Task.Run(() => SendAsync(events)).GetAwaiter().GetResult();
        }
    }

    public static async Task<IReadOnlyList<CapturedRequest>> RequestsAsync() => (await Shared.Value.ConfigureAwait(false)).Server.Requests;
}
