using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Inngest.Extensions.DependencyInjection;
using Inngest.Testing.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inngest.Encryption.Tests.DependencyInjection;

/// <summary>
/// The encryption keys never appear in a log (a provider that records every level, every state value and every
/// exception), an exception or a <c>ToString()</c>, through successful and failed sends, a failed decryption and
/// failed starts.
/// </summary>
public sealed class SecretHygieneTests : IAsyncLifetime
{
    private const string Key = "hygiene-key-A1b2C3";
    private const string Fallback = "hygiene-old-D4e5F6";
    private const string OtherKey = "hygiene-other-G7h8";

    private CaptureServer _server = null!;

    public async Task InitializeAsync() => _server = await CaptureServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task No_key_appears_in_any_log_exception_or_description()
    {
        var logs = new RecordingLoggerProvider();
        var seen = new StringBuilder();
        var signup = new SignupCompleted("pro", new PersonalData("ada@example.com", "Ada", new[] { "x" }));

        var settings = EncryptionHosts.WriteSettings(_server, new JsonObject { ["Key"] = Key, ["FallbackKeys"] = new JsonArray(Fallback) });
        using (var host = EncryptionHosts.Build(settings, logs))
        {
            await host.StartAsync();
            var client = host.Services.GetRequiredService<IInngestClient>();
            await client.SendSignupCompletedAsync(signup);

            _server.Enqueue(ScriptedResponse.Json(400, """{"error":"bad event"}"""));
            seen.AppendLine((await Assert.ThrowsAnyAsync<InngestSendException>(() => client.SendSignupCompletedAsync(signup))).ToString());

            var fromNode = await NodeMiddleware.EncryptAsync(new JsonArray(new JsonObject { ["name"] = SignupCompleted.EventName, ["data"] = new JsonObject { ["plan"] = "pro", ["encrypted"] = "secret" } }), OtherKey);
            var received = new JsonObject { ["name"] = SignupCompleted.EventName, ["data"] = fromNode.Data(0).DeepClone() }.ToJsonString();
            var parse = host.Services.GetRequiredService<InngestParseOptions>();
            seen.AppendLine(Assert.Throws<InngestEventParseException>(() => InngestEvent.Parse<SignupCompleted>(received, parse)).ToString());

            foreach (var described in new object[]
            {
                host.Services.GetRequiredService<IOptions<InngestEncryptionOptions>>().Value,
                host.Services.GetRequiredService<InngestEventEncryption>(),
                host.Services.GetRequiredService<InngestEncryptionMiddleware>(),
                host.Services.GetRequiredService<InngestDecryptionMiddleware>(),
                host.Services.GetRequiredService<IOptions<InngestOptions>>().Value,
            })
            {
                seen.AppendLine(described.ToString());
            }

            await host.StopAsync();
        }

        // A start that fails with the key set (a blank fallback), and a container used without a host start.
        var broken = EncryptionHosts.WriteSettings(_server, new JsonObject { ["Key"] = Key, ["FallbackKeys"] = new JsonArray(Fallback, " ") });
        using (var host = EncryptionHosts.Build(broken, logs))
        {
            seen.AppendLine((await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync())).ToString());
            var unstarted = host.Services.GetRequiredService<IInngestClient>();
            var refused = await Assert.ThrowsAsync<InngestEventValidationException>(() => unstarted.SendSignupCompletedAsync(signup));
            Assert.Contains("FallbackKeys:1 is empty", refused.ToString(), StringComparison.Ordinal);
            seen.AppendLine(refused.ToString());
        }

        Assert.True(logs.Entries > 5, logs.Text);
        Assert.Contains("test/signup.completed", logs.Text, StringComparison.Ordinal);
        var everything = seen + logs.Text;
        foreach (var secret in new[] { Key, Fallback, OtherKey })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("ada@example.com", everything, StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count); // the refused send never reached the server
    }
}
