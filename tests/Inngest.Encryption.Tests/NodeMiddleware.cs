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

    private static readonly Lazy<Task> Install = new(InstallAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private static string Directory { get; } = FindDirectory();

    public static Task EnsureInstalledAsync() => Install.Value;

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
    {
        await EnsureInstalledAsync().ConfigureAwait(false);
        var start = Start("node");
        start.ArgumentList.Add(Path.Combine(Directory, "crypto.mjs"));
        var (exitCode, stdout, stderr) = await RunAsync(start, input.ToJsonString(), TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        var line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (exitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The Node driver failed (exit code {exitCode}).\nstdout: {stdout}\nstderr: {stderr}");
        }

        var answer = new NodeAnswer(JsonNode.Parse(line)!.AsObject());
        if (answer.PackageVersion != ExpectedVersion)
        {
            throw new InvalidOperationException(
                $"node_modules holds @inngest/middleware-encryption {answer.PackageVersion}, not {ExpectedVersion}: delete {Path.Combine(Directory, "node_modules")} and run the tests again.");
        }

        return answer;
    }

    private static async Task InstallAsync()
    {
        var modules = Path.Combine(Directory, "node_modules");
        var installedLock = Path.Combine(modules, ".package-lock.json");
        if (File.Exists(installedLock)
            && File.Exists(Path.Combine(modules, "@inngest", "middleware-encryption", "package.json"))
            && File.GetLastWriteTimeUtc(installedLock) >= File.GetLastWriteTimeUtc(Path.Combine(Directory, "package-lock.json")))
        {
            return;
        }

        var npm = Start("npm");
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            npm.ArgumentList.Add(argument);
        }

        var (exitCode, stdout, stderr) = await RunAsync(npm, string.Empty, TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"`npm ci` failed in {Directory} (exit code {exitCode}); the interop tests need @inngest/middleware-encryption {ExpectedVersion} from the npm registry.\nstdout: {stdout}\nstderr: {stderr}");
        }
    }

    /// <summary>A process in the driver folder whose environment holds only PATH and HOME.</summary>
    private static ProcessStartInfo Start(string tool)
    {
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        var keep = new Dictionary<string, string?>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH"),
            ["HOME"] = Environment.GetEnvironmentVariable("HOME"),
        };
        start.Environment.Clear();
        foreach (var (name, value) in keep)
        {
            if (value is not null)
            {
                start.Environment[name] = value;
            }
        }

        return start;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(ProcessStartInfo start, string stdin, TimeSpan timeout)
    {
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"The encryption interop tests need Node.js 20 or later and npm on PATH, but `{start.FileName}` could not be started ({ex.Message}).", ex);
        }

        using (process)
        {
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
