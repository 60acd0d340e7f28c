using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Conformance.Tests;

/// <summary>
/// The official <c>inngest</c> npm SDK, driven through <c>node/send.mjs</c>. Installs it with
/// <c>npm ci</c> (once per test run) when <c>node_modules</c> is missing or older than the lock file.
/// </summary>
internal static class NodeSdk
{
    /// <summary>The SDK version the wire vectors were captured with; package.json pins it.</summary>
    public const string ExpectedVersion = "4.24.0";

    private static readonly NodeDriver Driver = new(FindDirectory(), "inngest", "the conformance tests");

    public static string Directory => Driver.Directory;

    public static Task EnsureInstalledAsync() => Driver.EnsureInstalledAsync();

    /// <summary>
    /// Runs the driver once: <paramref name="input"/> goes to stdin, the process environment holds only
    /// PATH, HOME and <paramref name="environment"/>, so the machine's INNGEST_* variables never leak in.
    /// </summary>
    public static async Task<NodeResult> SendAsync(JsonObject input, IReadOnlyDictionary<string, string> environment)
    {
        var result = await Driver.RunAsync("send.mjs", input, environment).ConfigureAwait(false);
        var version = result["sdkVersion"]!.GetValue<string>();
        if (version != ExpectedVersion)
        {
            throw new InvalidOperationException($"node_modules holds inngest {version}, not {ExpectedVersion}: delete {Path.Combine(Directory, "node_modules")} and run the tests again.");
        }

        return new NodeResult(result);
    }

    /// <summary>The message a machine without Node.js gets: runs the driver with <paramref name="node"/> as the executable.</summary>
    internal static Task CheckToolAsync(string node)
        => new NodeDriver(Directory, "inngest", "the conformance tests", node).RunAsync("send.mjs", new JsonObject());

    private static string FindDirectory()
    {
        var configured = typeof(NodeSdk).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ConformanceNodeDirectory")?.Value;
        if (configured is not null && File.Exists(Path.Combine(configured, "send.mjs")))
        {
            return configured;
        }

        throw new InvalidOperationException($"The Node driver folder was not found (looked in '{configured}'); it is tests/Inngest.Conformance.Tests/node.");
    }
}

/// <summary>What the driver printed: the returned ids or the thrown error, and the fetch stub's requests.</summary>
internal sealed class NodeResult
{
    public NodeResult(JsonObject json)
    {
        Json = json;
        Ok = json["ok"]!.GetValue<bool>();
        Ids = json["ids"] is JsonArray ids ? ids.Select(i => i!.GetValue<string>()).ToArray() : null;
        ErrorMessage = json["error"]?["message"]?.GetValue<string>();
        StubRequests = json["requests"]!.AsArray().Select(r => r!.AsObject()).ToArray();
    }

    public JsonObject Json { get; }

    public bool Ok { get; }

    public IReadOnlyList<string>? Ids { get; }

    public string? ErrorMessage { get; }

    public IReadOnlyList<JsonObject> StubRequests { get; }

    public override string ToString() => Json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
