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

namespace Inngest.Conformance.Tests;

/// <summary>
/// The official <c>inngest</c> npm SDK, driven through <c>node/send.mjs</c>. Installs it with
/// <c>npm ci</c> (once per test run) when <c>node_modules</c> is missing or older than the lock file.
/// </summary>
internal static class NodeSdk
{
    /// <summary>The SDK version the wire vectors were captured with; package.json pins it.</summary>
    public const string ExpectedVersion = "4.24.0";

    private static readonly Lazy<Task> Install = new(InstallAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Directory { get; } = FindDirectory();

    public static Task EnsureInstalledAsync() => Install.Value;

    /// <summary>
    /// Runs the driver once: <paramref name="input"/> goes to stdin, the process environment holds only
    /// PATH, HOME and <paramref name="environment"/>, so the machine's INNGEST_* variables never leak in.
    /// </summary>
    public static async Task<NodeResult> SendAsync(JsonObject input, IReadOnlyDictionary<string, string> environment)
    {
        await EnsureInstalledAsync().ConfigureAwait(false);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(Directory, "send.mjs"));
        start.Environment.Clear();
        foreach (var name in new[] { "PATH", "HOME" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var (exitCode, stdout, stderr) = await RunAsync(start, input.ToJsonString(), TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        var line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (exitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The Node driver failed (exit code {exitCode}).\nstdout: {stdout}\nstderr: {stderr}");
        }

        var result = JsonNode.Parse(line)!.AsObject();
        var version = result["sdkVersion"]!.GetValue<string>();
        if (version != ExpectedVersion)
        {
            throw new InvalidOperationException($"node_modules holds inngest {version}, not {ExpectedVersion}: delete {Path.Combine(Directory, "node_modules")} and run the tests again.");
        }

        return new NodeResult(result);
    }

    private static async Task InstallAsync()
    {
        var modules = Path.Combine(Directory, "node_modules");
        var lockFile = Path.Combine(Directory, "package-lock.json");
        var installedLock = Path.Combine(modules, ".package-lock.json");
        await CheckToolAsync("node").ConfigureAwait(false);
        if (File.Exists(installedLock)
            && File.Exists(Path.Combine(modules, "inngest", "package.json"))
            && File.GetLastWriteTimeUtc(installedLock) >= File.GetLastWriteTimeUtc(lockFile))
        {
            return;
        }

        await CheckToolAsync("npm").ConfigureAwait(false);
        var npm = new ProcessStartInfo("npm")
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            npm.ArgumentList.Add(argument);
        }

        var (exitCode, stdout, stderr) = await RunAsync(npm, string.Empty, TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"`npm ci` failed in {Directory} (exit code {exitCode}); the conformance tests need the official inngest SDK from the npm registry.\nstdout: {stdout}\nstderr: {stderr}");
        }
    }

    internal static async Task CheckToolAsync(string tool)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--version");
        try
        {
            var (exitCode, _, stderr) = await RunAsync(start, string.Empty, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"`{tool} --version` failed: {stderr}");
            }
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"The conformance tests need Node.js 20 or later and npm on PATH, but `{tool}` could not be started ({ex.Message}). Install Node.js (https://nodejs.org) and run the tests again.", ex);
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(ProcessStartInfo start, string stdin, TimeSpan timeout)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin).ConfigureAwait(false);
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout.TotalSeconds:N0} s.");
        }

        return (process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

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
