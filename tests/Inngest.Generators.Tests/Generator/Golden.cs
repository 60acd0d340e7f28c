using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace Inngest.Generators.Tests.Generator;

/// <summary>
/// Golden-file comparison: the expected text lives in tests/Inngest.Generators.Tests/Golden/.
/// Run with UPDATE_GOLDEN=1 to rewrite the files from the actual output, then review the diff.
/// </summary>
internal static class Golden
{
    public static void Match(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(callerPath))!, "Golden");
        var path = Path.Combine(directory, name);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing: run the tests with UPDATE_GOLDEN=1 to create it, then review it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }
}
