using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Samples.Tests;

/// <summary>
/// The real <c>@inngest/middleware-encryption</c> 2.0.0, through the Node driver of tests/Inngest.Encryption.Tests
/// (its crypto.mjs and pinned lock file), installed in a folder of this test's own: that project's tests may be
/// running <c>npm ci</c> in its folder at the same time.
/// </summary>
internal static class NpmEncryptionMiddleware
{
    private static readonly Lazy<NodeDriver> Driver = new(CreateDriver);

    /// <summary>Decrypts events as a TypeScript function with the middleware would receive them.</summary>
    public static async Task<JsonArray> DecryptAsync(JsonArray events, string key)
    {
        var answer = await Driver.Value.RunAsync("crypto.mjs", new JsonObject { ["op"] = "decrypt", ["key"] = key, ["fallbackKeys"] = new JsonArray(), ["events"] = events });
        Assert.True(answer["ok"]!.GetValue<bool>(), answer.ToJsonString());
        Assert.Equal("2.0.0", answer["packageVersion"]!.GetValue<string>());
        return answer["events"]!.AsArray();
    }

    private static NodeDriver CreateDriver()
    {
        var source = Path.Combine(Processes.RepoRoot, "tests", "Inngest.Encryption.Tests", "node");
        var target = Processes.TempDirectory("npm-encryption");
        foreach (var file in new[] { "package.json", "package-lock.json", "crypto.mjs" }.Select(f => Path.Combine(source, f)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return new NodeDriver(target, "@inngest/middleware-encryption", "the Native AOT encryption test");
    }
}
