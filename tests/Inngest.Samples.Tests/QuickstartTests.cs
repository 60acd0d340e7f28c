using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Samples.Tests;

/// <summary>`dotnet run --project samples/Quickstart`, the README's first command.</summary>
public sealed class QuickstartTests
{
    private static string Dll => Path.Combine(Processes.RepoRoot, "samples", "Quickstart", "bin", Processes.Configuration, "net10.0", "Quickstart.dll");

    private const string AccountBody = """{"name":"app/account.created","data":{"accountId":"645e9f6794e10937e9bdc201","billingPlan":"pro"},"user":{"external_id":"645ea000129f1c40109ca7ad","email":"taylor@example.com"},"ts":TS}""";
    private const string InvoicesBody = """[{"name":"app/invoice.created","data":{"invoiceId":"645e9e024befa68763f5b500"},"ts":TS},{"name":"app/invoice.created","data":{"invoiceId":"645e9e08f29fb563c972b1f7"},"ts":TS}]""";
    private const string CheckoutBody = """[{"name":"storefront/cart.checkout.completed","data":{"cartId":"ed12c8bde"},"user":{"external_id":"6463da8211cdbbcb191dd7da"},"id":"cart-checkout-completed-ed12c8bde","ts":1684274328198,"v":"2024-05-15.1"}]""";

    /// <summary>Masks a filled-in ts (the send time); the checkout's explicit ts is kept.</summary>
    private static string MaskTs(string body) => Regex.Replace(body, "\"ts\":(?!1684274328198)\\d+", "\"ts\":TS");

    [Fact]
    public async Task Without_a_key_or_dev_server_it_prints_the_three_requests_it_would_send()
    {
        var result = await Processes.DotnetAsync(new[] { Dll }, Processes.RepoRoot);

        Assert.True(result.ExitCode == 0, result.All);
        var output = result.Output;
        Assert.Equal(3, Regex.Matches(output, "^POST https://inn\\.gs/e/\\*\\*\\*$", RegexOptions.Multiline).Count);
        Assert.DoesNotContain("dry-run", output.Replace("dry-run-", string.Empty));
        Assert.Equal(3, Regex.Matches(output, "^x-inngest-sdk: inngest-dotnet-typed:v0\\.1\\.0$", RegexOptions.Multiline).Count);
        Assert.Equal(3, Regex.Matches(output, "^x-inngest-event-id-seed: \\d+,[A-Za-z0-9+/=]{16}$", RegexOptions.Multiline).Count);
        Assert.Equal(3, Regex.Matches(output, "^Content-Type: application/json$", RegexOptions.Multiline).Count);
        var bodies = output.Split('\n').Where(l => l.StartsWith('[')).Select(l => MaskTs(l.Trim())).ToArray();
        Assert.Equal(new[] { "[" + AccountBody + "]", InvoicesBody, CheckoutBody }, bodies);
        Assert.Contains("npx inngest-cli@latest dev", output);
        Assert.Contains("INNGEST_DEV=1", output);
    }

    [Fact]
    public async Task With_INNGEST_DEV_it_sends_to_the_dev_server_and_prints_the_ids()
    {
        await using var server = await CaptureServer.StartAsync();
        var result = await Processes.DotnetAsync(new[] { Dll }, Processes.RepoRoot, new Dictionary<string, string> { ["INNGEST_DEV"] = server.BaseUrl.ToString() });

        Assert.True(result.ExitCode == 0, result.All);
        var requests = server.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal("/e/NO_EVENT_KEY_SET", r.Path));
        Assert.Equal(new[] { "[" + AccountBody + "]", InvoicesBody, CheckoutBody }, requests.Select(r => MaskTs(r.BodyText)));
        var firstId = CaptureServer.IdFor(requests[0].Header("x-inngest-event-id-seed"), 0);
        Assert.Contains($"app/account.created -> {firstId}", result.Output);
    }

    [Fact]
    public async Task A_rejected_key_exits_non_zero_with_the_reason()
    {
        await using var server = await CaptureServer.StartAsync();
        server.Responder = _ => ScriptedResponse.Json(401, """{"error":"Event key not found"}""");
        var result = await Processes.DotnetAsync(new[] { Dll }, Processes.RepoRoot, new Dictionary<string, string>
        {
            ["INNGEST_EVENT_KEY"] = "wrong-key-5a4b",
            ["INNGEST_BASE_URL"] = server.BaseUrl.ToString(),
        });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Event key not found", result.Error);
        Assert.DoesNotContain("wrong-key-5a4b", result.All);
    }
}
