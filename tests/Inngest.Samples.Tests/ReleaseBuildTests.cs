using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using Inngest.Testing.Server;

namespace Inngest.Samples.Tests;

/// <summary>
/// Release builds (Native AOT publish, pack) run one at a time, each with its own --artifacts-path, so they
/// never write into the repository's bin/ and obj/ folders that other builds and tests use.
/// </summary>
[CollectionDefinition(nameof(ReleaseBuilds), DisableParallelization = true)]
public sealed class ReleaseBuilds
{
}

[Collection(nameof(ReleaseBuilds))]
public sealed class AotAppTests
{
    [Fact]
    public async Task The_native_binary_publishes_without_IL_warnings_and_sends_correct_events()
    {
        var output = Processes.TempDirectory("aot");
        var publish = await Processes.DotnetAsync(
            new[] { "publish", Path.Combine(Processes.RepoRoot, "samples", "AotApp", "AotApp.csproj"), "-r", "linux-x64", "-c", "Release", "-o", output, "--artifacts-path", Path.Combine(output, "..", Path.GetFileName(output) + "-artifacts"), "-nologo", "-clp:NoSummary" },
            Processes.RepoRoot,
            timeout: TimeSpan.FromMinutes(10));
        Assert.True(publish.ExitCode == 0, publish.All);
        Assert.DoesNotMatch(new Regex("warning IL\\d{4}"), publish.All);
        var binary = Path.Combine(output, "AotApp");
        Assert.True(File.Exists(binary), "no native binary at " + binary);
        Assert.False(File.Exists(Path.Combine(output, "AotApp.dll")), "a JIT assembly was published instead of a native binary");
        // libsodium is a native library of its own (from the libsodium package's runtimes/linux-x64/native), deployed beside the binary.
        Assert.True(File.Exists(Path.Combine(output, "libsodium.so")), "libsodium.so was not published next to the binary");

        await using var server = await CaptureServer.StartAsync();
        var run = await Processes.RunAsync(binary, Array.Empty<string>(), output, new Dictionary<string, string>
        {
            ["INNGEST_EVENT_KEY"] = "aot-key",
            ["INNGEST_BASE_URL"] = server.BaseUrl.ToString(),
            ["INNGEST_ENCRYPTION_KEY"] = "aot-encryption-key-3f9a",
        });

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("sent 6 events", run.Output);
        Assert.Contains("parsed r-7 12.5 tea+cake 2; ord_1001 Pro 2024-05-20", run.Output);
        var requests = server.Requests;
        Assert.Equal(4, requests.Count);
        Assert.All(requests, r => Assert.Equal("/e/aot-key", r.Path));

        const string order = """{"orderId":"ord_1001","customer":{"id":"cus_42","email":"taylor@example.com","shippingAddress":{"line1":"1 Main St","city":"Springfield","countryCode":"US"}},"items":[{"sku":"sku-1","quantity":2,"unitPrice":9.99},{"sku":"sku-2","quantity":1,"unitPrice":100}],"metadata":{"channel":"web","campaign":"spring"},"plan":"Pro","placedAt":"2024-05-15T09:30:00+02:00","deliveryDate":"2024-05-20","total":119.98,"couponCode":null,"requestId":"8f1d6c1e-3c7a-4a7e-9d8e-2b1f0c5a6d7e"}""";
        const long placedAt = 1715758200000;
        Assert.Equal(
            $$"""[{"name":"shop/order.placed","data":{{order}},"user":{"external_id":"cus_42"},"id":"ord_1001","ts":{{placedAt}},"v":"2024-05-15.1"}]""",
            requests[0].BodyText);

        var seedMs = long.Parse(requests[1].Header("x-inngest-event-id-seed")!.Split(',')[0]);
        Assert.Equal(
            $$"""[{"name":"app/user.registered","data":{"userId":"u1","plan":"Free","tags":["beta"],"trialLength":"14.00:00:00","registeredAtUtc":"2024-05-01T12:00:00Z","referralCount":null},"ts":{{seedMs}}},"""
            + $$"""{"name":"app/user.registered","data":{"userId":"u2","plan":"Enterprise","tags":[],"trialLength":"1.12:00:00","registeredAtUtc":"2024-05-02T08:15:00Z","referralCount":3},"ts":{{seedMs}}}]""",
            requests[1].BodyText);

        Assert.Equal(
            $$"""[{"name":"shop/order.placed","data":{{order}},"id":"ord_1001-replay","ts":{{placedAt}},"v":"2024-05-15.1"},"""
            + $$"""{"name":"app/user.registered","data":{"userId":"u3","plan":"Pro","tags":["a","b"],"trialLength":"00:00:00","registeredAtUtc":"2024-05-03T00:00:00Z","referralCount":0},"ts":{{placedAt}}}]""",
            requests[2].BodyText);

        // The native binary encrypted data.encrypted with libsodium; the real npm middleware reads the plaintext back.
        var verified = JsonNode.Parse(requests[3].BodyText)!.AsArray();
        var evt = Assert.Single(verified)!.AsObject();
        Assert.Equal("app/identity.verified", evt["name"]!.GetValue<string>());
        Assert.Equal("verify-u1", evt["id"]!.GetValue<string>());
        Assert.Equal("u1", evt["data"]!["userId"]!.GetValue<string>());
        Assert.Equal("inngest/libsodium", evt["data"]!["encrypted"]!["__STRATEGY__"]!.GetValue<string>());
        Assert.DoesNotContain("Taylor Smith", requests[3].BodyText, StringComparison.Ordinal);
        var decrypted = await NpmEncryptionMiddleware.DecryptAsync(verified, "aot-encryption-key-3f9a");
        var expected = JsonNode.Parse("""{"userId":"u1","plan":"Pro","encrypted":{"legalName":"Taylor Smith","email":"taylor@example.com","dateOfBirth":"1990-04-01","address":{"line1":"1 Main St","city":"Zürich","countryCode":"CH"},"documents":["passport","utility-bill"]}}""");
        Assert.True(JsonNode.DeepEquals(expected, decrypted[0]!["data"]), decrypted[0]!["data"]!.ToJsonString());

        // Without a key the app sends the other events unchanged and says what it left out.
        server.Clear();
        var plain = await Processes.RunAsync(binary, Array.Empty<string>(), output, new Dictionary<string, string>
        {
            ["INNGEST_EVENT_KEY"] = "aot-key",
            ["INNGEST_BASE_URL"] = server.BaseUrl.ToString(),
        });
        Assert.True(plain.ExitCode == 0, plain.All);
        Assert.Contains("INNGEST_ENCRYPTION_KEY is not set", plain.Output);
        Assert.Contains("sent 5 events", plain.Output);
        Assert.Equal(3, server.Requests.Count);

        // libsodium is what a deployment must not forget: without it the binary says what to deploy.
        var bare = Processes.TempDirectory("aot-without-libsodium");
        File.Copy(binary, Path.Combine(bare, "AotApp"));
        var missing = await Processes.RunAsync(Path.Combine(bare, "AotApp"), Array.Empty<string>(), bare, new Dictionary<string, string>
        {
            ["INNGEST_EVENT_KEY"] = "aot-key",
            ["INNGEST_BASE_URL"] = server.BaseUrl.ToString(),
            ["INNGEST_ENCRYPTION_KEY"] = "aot-encryption-key-3f9a",
        });
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("libsodium's native library could not be loaded for linux-x64", missing.All);
        Assert.Contains("runtimes/<rid>/native/libsodium.so", missing.All);
        Assert.DoesNotContain("aot-encryption-key-3f9a", missing.All);
    }
}

[Collection(nameof(ReleaseBuilds))]
public sealed class PackageTests
{
    [Fact]
    public async Task One_package_carries_the_runtime_and_the_generator_and_works_in_a_fresh_project()
    {
        var root = Processes.TempDirectory("pack");
        var feed = Path.Combine(root, "feed");
        var pack = await Processes.DotnetAsync(
            new[] { "pack", Path.Combine(Processes.RepoRoot, "src", "Inngest.Runtime", "Inngest.Runtime.csproj"), "-c", "Release", "-o", feed, "--artifacts-path", Path.Combine(root, "artifacts"), "-nologo" },
            Processes.RepoRoot,
            timeout: TimeSpan.FromMinutes(5));
        Assert.True(pack.ExitCode == 0, pack.All);

        var nupkg = Path.Combine(feed, "Inngest.Typed.0.1.0.nupkg");
        using (var zip = ZipFile.OpenRead(nupkg))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
            Assert.Contains("lib/net8.0/Inngest.Runtime.dll", entries);
            Assert.Contains("lib/net8.0/Inngest.Runtime.xml", entries);
            Assert.Contains("analyzers/dotnet/roslyn4.8/cs/Inngest.Generators.dll", entries);
            Assert.Contains("analyzers/dotnet/roslyn4.8/cs/Inngest.Generators.CodeFixes.dll", entries);
            Assert.Contains("README.md", entries);
            using var nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            var nuspec = XDocument.Load(nuspecStream);
            var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string? Meta(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
            Assert.Equal("Inngest.Typed", Meta("id"));
            Assert.Equal("MIT", Meta("license"));
            Assert.Equal("README.md", Meta("readme"));
            var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
            Assert.Equal("git", repository.Attribute("type")?.Value);
            Assert.StartsWith("https://", repository.Attribute("url")?.Value);
            Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency"); // BCL only
        }

        // A fresh consumer that knows only the package, restored into its own package folder.
        var consumer = Path.Combine(root, "consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Inngest.Typed" Version="0.1.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using Inngest;

            using var inngest = new InngestClient();
            var result = await inngest.SendAccountCreatedAsync(new AccountCreated("acc_1", "pro"), user: new InngestUser { Email = "taylor@example.com" });
            Console.WriteLine($"{AccountCreated.EventName} {result.Ids[0]}");

            [InngestEvent("app/account.created", Version = "2024-05-15.1")]
            public sealed partial record AccountCreated(string AccountId, string BillingPlan);
            """);
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "packages") };
        var build = await Processes.DotnetAsync(new[] { "build", "-c", "Release", "-nologo" }, consumer, env, TimeSpan.FromMinutes(5));
        Assert.True(build.ExitCode == 0, build.All);

        await using var server = await CaptureServer.StartAsync();
        env["INNGEST_EVENT_KEY"] = "consumer-key";
        env["INNGEST_BASE_URL"] = server.BaseUrl.ToString();
        var run = await Processes.DotnetAsync(new[] { Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.dll") }, consumer, env);

        Assert.True(run.ExitCode == 0, run.All);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/e/consumer-key", request.Path);
        var evt = request.BodyJson[0];
        Assert.Equal("app/account.created", evt.GetProperty("name").GetString());
        Assert.Equal("2024-05-15.1", evt.GetProperty("v").GetString());
        Assert.Equal("""{"accountId":"acc_1","billingPlan":"pro"}""", evt.GetProperty("data").GetRawText());
        Assert.Contains("app/account.created " + CaptureServer.IdFor(request.Header("x-inngest-event-id-seed"), 0), run.Output);
    }
}
