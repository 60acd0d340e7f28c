using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Runtime.Tests;

/// <summary>
/// A client reuses its attempt-timeout sources between requests (no timer or token source per send): a reused source
/// must still time an attempt out, still follow the caller's token, and never carry one attempt's cancellation into the next.
/// </summary>
public sealed class AttemptTimeoutReuseTests : IAsyncLifetime
{
    private CaptureServer _server = null!;

    public async Task InitializeAsync() => _server = await CaptureServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static InngestEvent Event(int i) => InngestEvent.FromJson("app/reuse", $"{{\"i\":{i}}}");

    [Fact]
    public async Task A_reused_timeout_still_times_out_and_still_follows_the_callers_token_and_the_next_send_is_unaffected()
    {
        var options = Wire.Options(_server);
        options.AttemptTimeout = TimeSpan.FromSeconds(2); // long enough for a first send on a loaded machine
        options.MaxAttempts = 1;
        using var client = new InngestClient(options);

        // Warm the pool: these sources are reset and reused below.
        for (var i = 0; i < 3; i++)
        {
            Assert.Single((await client.SendAsync(new[] { Event(i) })).Ids);
        }

        _server.Responder = _ => ScriptedResponse.Ok() with { Delay = TimeSpan.FromSeconds(20) };
        var timedOut = await Assert.ThrowsAsync<InngestSendException>(() => client.SendAsync(new[] { Event(10) }));
        Assert.Contains("did not answer within 2 s", timedOut.Message);

        using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100)))
        {
            options.AttemptTimeout = TimeSpan.FromSeconds(30); // the client copied its options: still 2 s
            await Assert.ThrowsAsync<InngestSendCanceledException>(() => client.SendAsync(new[] { Event(11) }, cancellationToken: cts.Token));
        }

        // A caller token that is cancellable but never cancelled: a normal send on a reused source.
        _server.Responder = null;
        using (var idle = new CancellationTokenSource())
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Single((await client.SendAsync(new[] { Event(20 + i) }, cancellationToken: idle.Token)).Ids);
            }
        }

        // Nothing cancelled before is carried over: many quick sends in a row and concurrently all succeed.
        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => client.SendAsync(new[] { Event(100 + i) })));
        Assert.All(results, r => Assert.Single(r.Ids));
    }
}
