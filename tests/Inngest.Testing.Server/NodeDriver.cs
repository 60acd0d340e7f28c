using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Inngest.Testing.Server;

/// <summary>
/// A folder with a Node.js driver script and a pinned npm lock file, as the tests that run the official npm
/// packages use it: installs the lock file with <c>npm ci</c> once per test run (when <c>node_modules</c> is
/// missing or older than the lock file), then runs the script with a JSON request on stdin and reads the JSON
/// answer from its last stdout line. The child's environment holds only PATH, HOME and what the caller passes,
/// so the machine's INNGEST_* variables never reach the package under test.
/// </summary>
public sealed class NodeDriver
{
    private readonly string _installedMarker;
    private readonly string _purpose;
    private readonly string _node;
    private readonly Lazy<Task> _install;

    /// <param name="directory">The folder with package.json, package-lock.json and the driver script.</param>
    /// <param name="installedPackage">A package the lock file installs (e.g. <c>inngest</c>): present means installed.</param>
    /// <param name="purpose">What the tests need the packages for, for error messages ("the conformance tests").</param>
    /// <param name="node">The Node.js executable (another name only to test the message for a missing one).</param>
    public NodeDriver(string directory, string installedPackage, string purpose, string node = "node")
    {
        _node = node;
        Directory = directory;
        _installedMarker = Path.Combine(directory, "node_modules", installedPackage, "package.json");
        _purpose = purpose;
        _install = new Lazy<Task>(InstallAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The driver folder.</summary>
    public string Directory { get; }

    /// <summary>Runs <c>npm ci</c> once per process when the installed packages are missing or stale.</summary>
    public Task EnsureInstalledAsync() => _install.Value;

    /// <summary>Runs <paramref name="script"/> with <paramref name="input"/> on stdin and returns the JSON object it printed last.</summary>
    public async Task<JsonObject> RunAsync(string script, JsonObject input, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        await EnsureInstalledAsync().ConfigureAwait(false);
        var start = Start(_node, environment);
        start.ArgumentList.Add(Path.Combine(Directory, script));
        var (exitCode, stdout, stderr) = await RunProcessAsync(start, input.ToJsonString(), timeout ?? TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        var line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (exitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The Node driver {script} failed (exit code {exitCode}).\nstdout: {stdout}\nstderr: {stderr}");
        }

        return JsonNode.Parse(line)!.AsObject();
    }

    private async Task InstallAsync()
    {
        var installedLock = Path.Combine(Directory, "node_modules", ".package-lock.json");
        if (File.Exists(installedLock) && File.Exists(_installedMarker)
            && File.GetLastWriteTimeUtc(installedLock) >= File.GetLastWriteTimeUtc(Path.Combine(Directory, "package-lock.json")))
        {
            return;
        }

        var npm = Start("npm", environment: null);
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            npm.ArgumentList.Add(argument);
        }

        var (exitCode, stdout, stderr) = await RunProcessAsync(npm, string.Empty, TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"`npm ci` failed in {Directory} (exit code {exitCode}); {_purpose} need the pinned packages from the npm registry.\nstdout: {stdout}\nstderr: {stderr}");
        }
    }

    private ProcessStartInfo Start(string tool, IReadOnlyDictionary<string, string>? environment)
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
        start.Environment.Clear();
        foreach (var name in new[] { "PATH", "HOME" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunProcessAsync(ProcessStartInfo start, string stdin, TimeSpan timeout)
    {
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"{_purpose} need Node.js 20 or later and npm on PATH, but `{start.FileName}` could not be started ({ex.Message}). Install Node.js (https://nodejs.org) and run the tests again.", ex);
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
}
