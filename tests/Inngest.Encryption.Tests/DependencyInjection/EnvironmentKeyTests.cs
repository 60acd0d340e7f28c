using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Inngest.Testing.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Inngest.Encryption.Tests.DependencyInjection;

/// <summary>The tests that change the process environment run alone; nothing else in this assembly reads it.</summary>
[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment
{
}

/// <summary>
/// The key from the real <c>INNGEST_ENCRYPTION_KEY</c> variable and fallback keys from environment variables through
/// the host's configuration (<c>Inngest__Encryption__FallbackKeys__0</c>), in a real host.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class EnvironmentKeyTests : IAsyncLifetime
{
    private static readonly string[] Variables = { "INNGEST_ENCRYPTION_KEY", "Inngest__Encryption__FallbackKeys__0", "Inngest__Encryption__FallbackKeys__1" };

    private readonly Dictionary<string, string?> _saved = new();
    private CaptureServer _server = null!;

    public async Task InitializeAsync()
    {
        foreach (var name in Variables)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
        }

        _server = await CaptureServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_key_comes_from_INNGEST_ENCRYPTION_KEY_and_fallback_keys_from_environment_configuration()
    {
        Environment.SetEnvironmentVariable("INNGEST_ENCRYPTION_KEY", "env-key-4c4c\n");
        Environment.SetEnvironmentVariable("Inngest__Encryption__FallbackKeys__0", "env-old-1");
        Environment.SetEnvironmentVariable("Inngest__Encryption__FallbackKeys__1", "env-old-2");
        using var host = EncryptionHosts.Build(EncryptionHosts.WriteSettings(_server, encryption: null), processEnvironment: true);
        await host.StartAsync();

        await host.Services.GetRequiredService<IInngestClient>().SendSignupCompletedAsync(
            new SignupCompleted("pro", new PersonalData("env@example.com", "Env", Array.Empty<string>())));

        var wire = JsonNode.Parse(Assert.Single(_server.Requests).BodyText)!.AsArray();
        Assert.DoesNotContain("env@example.com", wire.ToJsonString(), StringComparison.Ordinal);
        var byNode = await NodeMiddleware.DecryptAsync(wire, "env-key-4c4c");
        Assert.Equal("env@example.com", byNode.Data(0)["encrypted"]!["email"]!.GetValue<string>());

        var fromNode = await NodeMiddleware.EncryptAsync(new JsonArray(new JsonObject { ["name"] = SignupCompleted.EventName, ["data"] = byNode.Data(0).DeepClone() }), "env-old-2");
        var received = new JsonObject { ["name"] = SignupCompleted.EventName, ["data"] = fromNode.Data(0).DeepClone() }.ToJsonString();
        Assert.Equal("env@example.com", InngestEvent.Parse<SignupCompleted>(received, host.Services.GetRequiredService<InngestParseOptions>()).Data.Encrypted.Email);
    }

    [Fact]
    public async Task The_configuration_key_wins_over_INNGEST_ENCRYPTION_KEY()
    {
        Environment.SetEnvironmentVariable("INNGEST_ENCRYPTION_KEY", "env-key-loses");
        using var host = EncryptionHosts.Build(EncryptionHosts.WriteSettings(_server, new JsonObject { ["Key"] = "json-key-wins" }), processEnvironment: true);
        await host.StartAsync();

        await host.Services.GetRequiredService<IInngestClient>().SendSignupCompletedAsync(
            new SignupCompleted("pro", new PersonalData("env@example.com", "Env", Array.Empty<string>())));

        var wire = JsonNode.Parse(Assert.Single(_server.Requests).BodyText)!.AsArray();
        Assert.True((await NodeMiddleware.DecryptAsync(wire.DeepClone().AsArray(), "json-key-wins")).Ok);
        Assert.False((await NodeMiddleware.DecryptAsync(wire.DeepClone().AsArray(), "env-key-loses")).Ok);
    }
}
