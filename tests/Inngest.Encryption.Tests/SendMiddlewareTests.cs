using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Encryption.Tests;

/// <summary>The runtime's send hook (<see cref="InngestSendMiddleware"/>) against a real local HTTP server.</summary>
public sealed class SendMiddlewareTests
{
    /// <summary>Appends a letter to <c>data.trace</c> and optionally sets the id: shows order and field changes on the wire.</summary>
    private sealed class Tracing(string letter, string? id = null) : InngestSendMiddleware
    {
        public int Calls { get; private set; }

        public override InngestEvent TransformEvent(InngestEvent evt, InngestSendMiddlewareContext context)
        {
            Calls++;
            var data = JsonNode.Parse(context.SerializeData(evt).GetRawText())!.AsObject();
            data["trace"] = (data["trace"]?.GetValue<string>() ?? string.Empty) + letter;
            data["index"] = $"{context.EventIndex}/{context.EventCount}";
            var replaced = context.ReplaceData(evt, JsonDocument.Parse(data.ToJsonString()).RootElement.Clone());
            return id is null ? replaced : InngestEvent.FromJson(replaced.Name, JsonDocument.Parse(data.ToJsonString()).RootElement, replaced.User, id, replaced.Timestamp, replaced.Version);
        }
    }

    private sealed class Throwing(int failOnIndex) : InngestSendMiddleware
    {
        public override InngestEvent TransformEvent(InngestEvent evt, InngestSendMiddlewareContext context)
            => context.EventIndex == failOnIndex ? throw new InvalidOperationException("the hook refused this event") : evt;
    }

    private sealed class ReturnsNull : InngestSendMiddleware
    {
        public override InngestEvent TransformEvent(InngestEvent evt, InngestSendMiddlewareContext context) => null!;
    }

    [Fact]
    public async Task Hooks_run_in_order_on_typed_and_untyped_events_and_may_change_the_id()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = ClientFactory.Create(server, o =>
        {
            o.SendMiddleware.Add(new Tracing("a"));
            o.SendMiddleware.Add(new Tracing("b", id: "replaced-id"));
        });

        var typed = new InngestEvent<SignupData>("app/user.signed-up", new SignupData("pro", new PersonalData("ada@example.com", "Ada", new[] { "x" })), TestJson.Default.SignupData) { Id = "original-id", Version = "2024-01-01.1" };
        await client.SendAsync(new[] { typed, InngestEvent.FromJson("app/plain", """{"trace":">"}""") });

        var body = Assert.Single(server.Requests).BodyJson;
        var first = body[0];
        Assert.Equal("ab", first.GetProperty("data").GetProperty("trace").GetString());
        Assert.Equal("0/2", first.GetProperty("data").GetProperty("index").GetString());
        Assert.Equal("ada@example.com", first.GetProperty("data").GetProperty("encrypted").GetProperty("email").GetString());
        Assert.Equal("replaced-id", first.GetProperty("id").GetString());
        Assert.Equal("2024-01-01.1", first.GetProperty("v").GetString());
        Assert.Equal(">ab", body[1].GetProperty("data").GetProperty("trace").GetString());
        Assert.Equal("1/2", body[1].GetProperty("data").GetProperty("index").GetString());
    }

    [Fact]
    public async Task A_throwing_hook_fails_the_call_for_that_event_before_any_request()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = ClientFactory.Create(server, o => o.SendMiddleware.Add(new Throwing(failOnIndex: 1)));

        var ex = await Assert.ThrowsAsync<InngestEventValidationException>(() => client.SendAsync(new[]
        {
            InngestEvent.FromJson("app/one", "{}"),
            InngestEvent.FromJson("app/two", "{}"),
        }));

        Assert.Equal(1, ex.EventIndex);
        Assert.Equal("app/two", ex.EventName);
        Assert.Contains("the send middleware Throwing failed (InvalidOperationException: the hook refused this event)", ex.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_hook_that_returns_null_is_refused_before_any_request()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = ClientFactory.Create(server, o => o.SendMiddleware.Add(new ReturnsNull()));

        var ex = await Assert.ThrowsAsync<InngestEventValidationException>(() => client.SendAsync(new[] { InngestEvent.FromJson("app/one", "{}") }));

        Assert.Contains("returned null", ex.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task The_client_takes_a_snapshot_of_the_hooks_and_runs_each_once_per_event()
    {
        await using var server = await CaptureServer.StartAsync();
        var hook = new Tracing("a");
        var options = new InngestClientOptions { EventKey = ClientFactory.EventKey, BaseUrl = server.BaseUrl.ToString(), EnvironmentReader = static _ => null };
        options.SendMiddleware.Add(hook);
        using var client = new InngestClient(options);
        options.SendMiddleware.Add(new ReturnsNull()); // added after construction: not used

        server.Enqueue(ScriptedResponse.Empty(503)); // one retry: the hook must not run again for it
        await client.SendAsync(new[] { InngestEvent.FromJson("app/one", "{}"), InngestEvent.FromJson("app/two", "{}") });

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(server.Requests[0].BodyText, server.Requests[1].BodyText);
        Assert.Equal(2, hook.Calls);
        Assert.All(server.Requests[1].BodyJson.EnumerateArray(), e => Assert.Equal("a", e.GetProperty("data").GetProperty("trace").GetString()));
    }

    [Fact]
    public void A_null_hook_in_the_options_fails_the_client_construction()
    {
        var options = new InngestClientOptions { EventKey = ClientFactory.EventKey, BaseUrl = "http://127.0.0.1:9/", EnvironmentReader = static _ => null };
        options.SendMiddleware.Add(null!);
        var ex = Assert.Throws<InngestConfigurationException>(() => new InngestClient(options));
        Assert.Contains("SendMiddleware[0] is null", ex.Message, StringComparison.Ordinal);
    }
}
