using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Inngest.Samples.Tests;

/// <summary>
/// The README's first command builds the quickstart and everything it references (runtime, generator,
/// code fixes). A newcomer's first build must be silent: a restore warning such as NU1603 on a fresh
/// machine is the first thing they would see.
/// </summary>
[Collection(nameof(ReleaseBuilds))]
public sealed class NewcomerBuildTests
{
    [Fact]
    public async Task A_fresh_restore_and_build_of_the_quickstart_prints_no_warning()
    {
        var root = Processes.TempDirectory("newcomer");
        var build = await Processes.DotnetAsync(
            new[] { "build", Path.Combine(Processes.RepoRoot, "samples", "Quickstart", "Quickstart.csproj"), "--force", "--no-incremental", "--artifacts-path", Path.Combine(root, "artifacts"), "-nologo" },
            Processes.RepoRoot,
            timeout: TimeSpan.FromMinutes(10));

        Assert.True(build.ExitCode == 0, build.All);
        Assert.DoesNotMatch(new Regex(@"\bwarning [A-Z]+\d+", RegexOptions.IgnoreCase), build.All);
        Assert.Matches(new Regex(@"^\s*0 Warning\(s\)", RegexOptions.Multiline), build.All);
    }
}
