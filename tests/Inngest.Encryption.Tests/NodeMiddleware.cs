using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Encryption.Tests;

/// <summary>
/// The real <c>@inngest/middleware-encryption</c> npm package, driven through <c>node/crypto.mjs</c> (its
/// <c>transformSendEvent</c> and <c>transformFunctionInput</c> hooks). Installs the pinned lock file with
/// <c>npm ci</c>, once per test run, when <c>node_modules</c> is missing or older than the lock file.
/// </summary>
internal static class NodeMiddleware
{
    /// <summary>The package version the tests are about; package.json and the lock file pin it.</summary>
    public const string ExpectedVersion = "2.0.0";

    private static readonly NodeDriver Driver = new(FindDirectory(), "@inngest/middleware-encryption", "the encryption interop tests");

    public static Task EnsureInstalledAsync() => Driver.EnsureInstalledAsync();

    /// <summary>Encrypts events as a TypeScript sender with the middleware would.</summary>
    public static Task<NodeAnswer> EncryptAsync(JsonArray events, string key, string? field = null)
        => RunAsync(new JsonObject { ["op"] = "encrypt", ["key"] = key, ["field"] = field, ["events"] = events });

    /// <summary>Decrypts events as a TypeScript function with the middleware would see them.</summary>
    public static Task<NodeAnswer> DecryptAsync(JsonArray events, string key, params string[] fallbackKeys)
        => RunAsync(new JsonObject
        {
            ["op"] = "decrypt",
            ["key"] = key,
            ["fallbackKeys"] = new JsonArray(fallbackKeys.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray()),
            ["events"] = events,
        });

    private static async Task<NodeAnswer> RunAsync(JsonObject input)
        => new NodeAnswer(await RunScriptAsync("crypto.mjs", input).ConfigureAwait(false));

    /// <summary>Runs a driver script of the node folder and checks that it loaded the pinned package version.</summary>
    public static async Task<JsonObject> RunScriptAsync(string script, JsonObject input)
    {
        var answer = await Driver.RunAsync(script, input).ConfigureAwait(false);
        var version = answer["packageVersion"]?.GetValue<string>();
        if (version != ExpectedVersion)
        {
            throw new InvalidOperationException(
                $"node_modules holds @inngest/middleware-encryption {version}, not {ExpectedVersion}: delete {Path.Combine(Driver.Directory, "node_modules")} and run the tests again.");
        }

        return answer;
    }

    private static string FindDirectory()
    {
        var configured = typeof(NodeMiddleware).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "EncryptionNodeDirectory")?.Value;
        if (configured is not null && File.Exists(Path.Combine(configured, "crypto.mjs")))
        {
            return configured;
        }

        throw new InvalidOperationException($"The Node driver folder was not found (looked in '{configured}'); it is tests/Inngest.Encryption.Tests/node.");
    }
}

/// <summary>What the driver printed: the transformed events, or the error the middleware threw.</summary>
internal sealed class NodeAnswer
{
    public NodeAnswer(JsonObject json)
    {
        Ok = json["ok"]!.GetValue<bool>();
        PackageVersion = json["packageVersion"]!.GetValue<string>();
        Events = json["events"] as JsonArray;
        Error = json["error"]?.GetValue<string>();
    }

    public bool Ok { get; }

    public string PackageVersion { get; }

    public JsonArray? Events { get; }

    public string? Error { get; }

    /// <summary>The events, or a failure that shows the middleware's error.</summary>
    public JsonArray RequireEvents()
        => Ok && Events is not null ? Events : throw new Xunit.Sdk.XunitException($"The npm middleware failed: {Error}");

    /// <summary>The data of event <paramref name="index"/>.</summary>
    public JsonObject Data(int index) => RequireEvents()[index]!["data"]!.AsObject();
}
