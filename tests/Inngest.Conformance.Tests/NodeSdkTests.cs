using System;
using System.Threading.Tasks;

namespace Inngest.Conformance.Tests;

/// <summary>The harness itself: the install check and the driver's pinned SDK version.</summary>
public sealed class NodeSdkTests : IClassFixture<NodeSdkFixture>
{
    [Fact]
    public async Task A_missing_tool_fails_with_a_message_that_says_what_to_install()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => NodeSdk.CheckToolAsync("inngest-conformance-no-such-tool"));
        Assert.Contains("need Node.js 20 or later and npm on PATH", ex.Message, StringComparison.Ordinal);
        Assert.Contains("inngest-conformance-no-such-tool", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_driver_runs_the_pinned_sdk_version()
    {
        var result = await NodeSdk.SendAsync(
            new System.Text.Json.Nodes.JsonObject { ["clientOptions"] = new System.Text.Json.Nodes.JsonObject(), ["payload"] = new System.Text.Json.Nodes.JsonArray() },
            new System.Collections.Generic.Dictionary<string, string>());
        Assert.Equal(NodeSdk.ExpectedVersion, result.Json["sdkVersion"]!.GetValue<string>());
        Assert.True(result.Ok, result.ToString());
        Assert.Empty(result.Ids!);
    }
}
