using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Inngest.Encryption.Tests;

/// <summary>
/// <c>python/crypto.py</c>: encrypts and decrypts as inngest-py's encryption middleware does, with PyNaCl (an
/// independent libsodium binding). The interpreter comes from <c>eng/python/install.sh</c> (run once per test
/// process), which installs Debian's python3-nacl when no Python with PyNaCl is found.
/// </summary>
internal static class PythonNaCl
{
    private static readonly Lazy<Task<string>> Interpreter = new(FindInterpreterAsync);

    /// <summary>Encrypts the events' data as a Python sender with the middleware would (<c>before_send_events</c>).</summary>
    public static Task<PythonAnswer> EncryptAsync(JsonArray events, string key, string? field = null)
        => RunAsync(new JsonObject { ["op"] = "encrypt", ["key"] = key, ["field"] = field, ["events"] = events });

    /// <summary>Decrypts the events' data as a Python function would see it (<c>transform_input</c>).</summary>
    public static Task<PythonAnswer> DecryptAsync(JsonArray events, string key, string? field = null, params string[] fallbackKeys)
        => RunAsync(new JsonObject
        {
            ["op"] = "decrypt",
            ["key"] = key,
            ["field"] = field,
            ["fallbackKeys"] = new JsonArray(fallbackKeys.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray()),
            ["events"] = events,
        });

    /// <summary>Encrypts one whole value into the marker object (what the middleware does to step and invoke output).</summary>
    public static Task<PythonAnswer> SealAsync(JsonNode? value, string key)
        => RunAsync(new JsonObject { ["op"] = "seal", ["key"] = key, ["value"] = value });

    private static async Task<PythonAnswer> RunAsync(JsonObject input)
    {
        var python = await Interpreter.Value.ConfigureAwait(false);
        var (exitCode, stdout, stderr) = await RunProcessAsync(python, new[] { Path.Combine(Metadata("EncryptionPythonDirectory"), "crypto.py") }, input.ToJsonString()).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"python/crypto.py failed (exit code {exitCode}).\nstdout: {stdout}\nstderr: {stderr}");
        }

        return new PythonAnswer(JsonNode.Parse(stdout)!.AsObject());
    }

    private static async Task<string> FindInterpreterAsync()
    {
        var script = Metadata("PythonInstallScript");
        var (exitCode, stdout, stderr) = await RunProcessAsync("bash", new[] { script }, string.Empty).ConfigureAwait(false);
        var ready = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith("ready ", StringComparison.Ordinal));
        if (exitCode != 0 || ready is null)
        {
            throw new InvalidOperationException($"The Python interop tests need Python 3 with PyNaCl; {script} could not provide it (exit code {exitCode}).\nstdout: {stdout}\nstderr: {stderr}");
        }

        return ready.Split(' ')[1];
    }

    private static string Metadata(string key)
        => typeof(PythonNaCl).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunProcessAsync(string file, string[] args, string stdin)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The driver must see exactly what it is given: no user site-packages or PYTHON* settings of the machine.
        foreach (var name in info.Environment.Keys.Where(n => n.StartsWith("PYTHON", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["PYTHONNOUSERSITE"] = "1";
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin).ConfigureAwait(false);
        process.StandardInput.Close();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMinutes(5))).ConfigureAwait(false) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 5 minutes.");
        }

        return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }
}

/// <summary>What the Python driver printed.</summary>
internal sealed class PythonAnswer
{
    public PythonAnswer(JsonObject json)
    {
        Ok = json["ok"]!.GetValue<bool>();
        NaClVersion = json["nacl"]?.GetValue<string>();
        Events = json["events"] as JsonArray;
        Value = json["value"];
        Error = json["error"]?.GetValue<string>();
    }

    public bool Ok { get; }

    public string? NaClVersion { get; }

    public JsonArray? Events { get; }

    public JsonNode? Value { get; }

    public string? Error { get; }

    public JsonArray RequireEvents()
        => Ok && Events is not null ? Events : throw new Xunit.Sdk.XunitException($"The Python driver failed: {Error}");

    public JsonObject Data(int index) => RequireEvents()[index]!["data"]!.AsObject();
}
