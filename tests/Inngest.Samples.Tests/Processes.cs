using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace Inngest.Samples.Tests;

public sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;
}

public static class Processes
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    /// <summary>Runs a process with the machine's environment minus every INNGEST_* and branch variable, plus <paramref name="env"/>.</summary>
    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? env = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in info.Environment.Keys.ToList())
        {
            if (name.StartsWith("INNGEST_", StringComparison.Ordinal) || name is "BRANCH_NAME" or "VERCEL_GIT_COMMIT_REF" or "BRANCH" or "CF_PAGES_BRANCH" or "RENDER_GIT_BRANCH" or "RAILWAY_GIT_BRANCH")
            {
                info.Environment.Remove(name);
            }
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in env ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(timeout ?? TimeSpan.FromMinutes(5))) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in time.\n{await output}\n{await error}");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }

    public static Task<ProcessResult> DotnetAsync(IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? env = null, TimeSpan? timeout = null)
        => RunAsync("dotnet", args, workingDirectory, env, timeout);

    public static string TempDirectory(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "inngest-typed-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Inngest.Typed.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Inngest.Typed.sln not found above " + AppContext.BaseDirectory);
    }
}
