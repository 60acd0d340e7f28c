using System;
using System.Linq;
using System.Threading.Tasks;

namespace Inngest.Receiving.Tests;

/// <summary>Inngest's own events: declared receive-only, parsed like any event, never sendable.</summary>
public sealed class ReceiveOnlyTests
{
    // The shape Inngest sends a failure handler (inngest/function.failed), trimmed to what the record reads.
    private const string Failed = """
        {"name":"inngest/function.failed","id":"01HQ8Q0S4A8E7ZQ8ZB1M5JYF1N","ts":1715776300000,
         "data":{"function_id":"my-app-send-welcome","run_id":"01HQ8PZZ2T3K2J7Z9ZBG0V5M3D",
                 "error":{"name":"Error","message":"boom"},
                 "event":{"name":"app/account.created","data":{"accountId":"a"},"id":"e1","ts":1715776200000}}}
        """;

    [Fact]
    public void A_receive_only_system_event_parses_typed_and_by_dispatch()
    {
        var evt = InngestEvent.Parse<FunctionFailed>(Failed);
        Assert.Equal("my-app-send-welcome", evt.Data.FunctionId);
        Assert.Equal("boom", evt.Data.Error.GetProperty("message").GetString());

        // The original event inside parses too, with its own record.
        var original = InngestEvent.Parse<AccountCreated>(evt.Data.Event);
        Assert.True(original.IsUpgraded);
        Assert.Equal("a", original.Data.AccountId);
        Assert.IsType<InngestEvent<FunctionFailed>>(InngestEvent.Parse(Failed));
    }

    [Fact]
    public void No_send_method_is_generated_for_a_receive_only_event()
    {
        var methods = typeof(FunctionFailed).Assembly.GetTypes()
            .Where(t => t.Name.StartsWith("InngestSendExtensions_", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods())
            .Select(m => m.Name)
            .ToArray();
        Assert.Contains("SendSeatAddedAsync", methods);
        Assert.DoesNotContain("SendFunctionFailedAsync", methods);
    }

    [Fact]
    public async Task Sending_it_through_the_generic_api_fails_before_any_request_and_says_why()
    {
        var server = await WireCapture.ServerAsync();
        var before = server.Requests.Count(r => r.BodyText.Contains("inngest/function.failed", StringComparison.Ordinal));
        var parsed = InngestEvent.Parse<FunctionFailed>(Failed);
        using var client = new InngestClient(new InngestClientOptions { EventKey = "k", BaseUrl = server.BaseUrl.ToString(), EnvironmentReader = _ => null });

        var ex = await Assert.ThrowsAsync<InngestEventValidationException>(() => client.SendAsync(parsed.Data));
        Assert.Contains("reserves for its own events", ex.Message);
        Assert.Contains("ReceiveOnly", ex.Message);
        await Assert.ThrowsAsync<InngestEventValidationException>(() => client.SendAsync(parsed));
        Assert.Equal(before, server.Requests.Count(r => r.BodyText.Contains("inngest/function.failed", StringComparison.Ordinal)));
    }
}
