using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Inngest.Samples.Tests;

namespace Inngest.Catalog.Tests.Build;

/// <summary>
/// The packed Inngest.Typed package in a fresh consumer: a normal <c>dotnet build</c> writes inngest-events.json
/// into the output folder and the TypeScript module where <c>InngestTypeScriptOutput</c> says, a second build
/// skips the writer (its outputs are up to date), and an edit that adds an event updates both.
/// </summary>
public sealed class PackageBuildTests
{
    [Fact]
    public async Task The_package_writes_the_catalog_and_typescript_in_a_normal_and_an_incremental_build()
    {
        var root = Processes.TempDirectory("catalog-pack");
        var feed = Path.Combine(root, "feed");
        var pack = await Processes.DotnetAsync(
            ["pack", Path.Combine(Processes.RepoRoot, "src", "Inngest.Runtime", "Inngest.Runtime.csproj"), "-c", "Release", "-o", feed, "--artifacts-path", Path.Combine(root, "artifacts"), "-nologo"],
            Processes.RepoRoot, timeout: TimeSpan.FromMinutes(5));
        Assert.True(pack.ExitCode == 0, pack.All);
        using (var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed, "Inngest.Typed.0.1.0.nupkg")))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
            Assert.Contains("build/Inngest.Typed.targets", entries);
            Assert.Contains("tools/net8.0/Inngest.Typed.Build.dll", entries);
            Assert.Contains("tools/net8.0/Inngest.Typed.Build.runtimeconfig.json", entries);
        }

        var consumer = Path.Combine(root, "consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{feed}" /></packageSources></configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <InngestTypeScriptOutput>../web/src/inngest-events.ts</InngestTypeScriptOutput>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Inngest.Typed" Version="0.1.0" />
              </ItemGroup>
            </Project>
            """);
        const string Event = """
            [Inngest.InngestEvent("app/account.created", Version = "2024-05-15.1")]
            public sealed partial record AccountCreated(string AccountId, string? Referrer);
            """;
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), "System.Console.WriteLine(AccountCreated.JsonSchema);\n" + Event);
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "packages") };
        var catalogPath = Path.Combine(consumer, "bin", "Debug", "net10.0", "inngest-events.json");
        var typeScriptPath = Path.Combine(root, "web", "src", "inngest-events.ts");

        var first = await Processes.DotnetAsync(["build", "-nologo"], consumer, env, TimeSpan.FromMinutes(5));
        Assert.True(first.ExitCode == 0, first.All);
        using (var catalog = JsonDocument.Parse(File.ReadAllText(catalogPath)))
        {
            var entry = Assert.Single(catalog.RootElement.GetProperty("events").EnumerateArray());
            Assert.Equal("app/account.created", entry.GetProperty("name").GetString());
            Assert.Equal("2024-05-15.1", entry.GetProperty("version").GetString());
            Assert.Equal("AccountCreated", entry.GetProperty("clrType").GetString());
            Assert.Equal(JsonValueKind.Null, entry.GetProperty("idTemplate").ValueKind);
            Assert.Equal("""{"type":"string"}""", entry.GetProperty("schema").GetProperty("properties").GetProperty("accountId").GetRawText().Replace(" ", "").Replace("\n", ""));
        }

        var typeScript = File.ReadAllText(typeScriptPath);
        Assert.Contains("export const accountCreated = eventType(\"app/account.created\", {", typeScript, StringComparison.Ordinal);
        Assert.Contains("  referrer: string | null;", typeScript, StringComparison.Ordinal);
        var written = File.GetLastWriteTimeUtc(catalogPath);

        var second = await Processes.DotnetAsync(["build", "-nologo", "-v", "d"], consumer, env, TimeSpan.FromMinutes(5));
        Assert.True(second.ExitCode == 0, second.All);
        Assert.Contains("Skipping target \"InngestWriteEventCatalog\" because all output files are up-to-date", second.Output, StringComparison.Ordinal);
        Assert.Equal(written, File.GetLastWriteTimeUtc(catalogPath));

        File.AppendAllText(Path.Combine(consumer, "Program.cs"), """

            [Inngest.InngestEvent("app/account.closed")]
            public sealed partial record AccountClosed(string AccountId);
            """);
        var third = await Processes.DotnetAsync(["build", "-nologo"], consumer, env, TimeSpan.FromMinutes(5));
        Assert.True(third.ExitCode == 0, third.All);
        Assert.Contains("\"name\": \"app/account.closed\"", File.ReadAllText(catalogPath), StringComparison.Ordinal);
        Assert.Contains("export const accountClosed = eventType(\"app/account.closed\", {", File.ReadAllText(typeScriptPath), StringComparison.Ordinal);
    }
}
