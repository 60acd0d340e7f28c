using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace Inngest.Outbox.Tests.Crash;

/// <summary>The crash child (tests/Inngest.Outbox.Tests/CrashChild), started with `dotnet`, watched line by line, killed with SIGKILL.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly Func<string, bool> _killWhen;
    private readonly TaskCompletionSource _killed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Text.StringBuilder _errors = new();

    private ChildProcess(Process process, Func<string, bool> killWhen)
    {
        _process = process;
        _killWhen = killWhen;
    }

    public bool WasKilled { get; private set; }

    public System.Collections.Generic.List<string> Lines { get; } = [];

    public string Errors => _errors.ToString();

    public static ChildProcess Start(Func<string, bool> killWhen, params string[] arguments)
    {
        var directory = typeof(ChildProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrashChildDirectory").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(directory, "Inngest.Outbox.CrashChild.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(process, killWhen);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (child.Lines)
                {
                    child.Lines.Add(line);
                }

                if (child._killWhen(line))
                {
                    child.Kill();
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (child._errors)
                {
                    child._errors.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>SIGKILL: no finally block, no disposal, no flush runs in the child.</summary>
    public void Kill()
    {
        lock (_killed)
        {
            if (WasKilled)
            {
                return;
            }

            WasKilled = true;
        }

        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _killed.TrySetResult();
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await _process.WaitForExitAsync();
            throw new TimeoutException($"The crash child did not end within {timeout}. Its errors:\n{Errors}");
        }

        return _process.ExitCode;
    }

    public void Dispose() => _process.Dispose();
}
