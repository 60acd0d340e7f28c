using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Inngest.Extensions.DependencyInjection;
using Inngest.Testing.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inngest.Encryption.Tests.DependencyInjection;

/// <summary>
/// <c>services.AddInngestEncryption()</c> in real hosts: settings from an appsettings.json file, a real send to the
/// capture server that the real <c>@inngest/middleware-encryption</c> 2.0.0 decrypts, the container's
/// <see cref="InngestParseOptions"/> decrypting, the order of the middleware, and failures at start.
/// </summary>
public sealed class EncryptionHostTests : IAsyncLifetime
{
    private static readonly PersonalData Ada = new("ada@example.com", "Ada Lovelace", new[] { "a", "b" });

    private CaptureServer _server = null!;

    public async Task InitializeAsync() => _server = await CaptureServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Settings_from_appsettings_json_encrypt_what_the_container_client_sends_and_the_npm_middleware_decrypts_it()
    {
        var settings = EncryptionHosts.WriteSettings(_server, new JsonObject
        {
            ["Key"] = "json-key-7d1e",
            ["FallbackKeys"] = new JsonArray("json-old-1", "json-old-2"),
            ["FieldName"] = "pii",
        });
        using var host = EncryptionHosts.Build(settings);
        await host.StartAsync();

        await host.Services.GetRequiredService<IInngestClient>().SendProfileUpdatedAsync(new ProfileUpdated("u-1", Ada));

        var request = Assert.Single(_server.Requests);
        Assert.DoesNotContain("ada@example.com", request.BodyText, StringComparison.Ordinal);
        var wire = JsonNode.Parse(request.BodyText)!.AsArray();
        var data = wire[0]!["data"]!.AsObject();
        Assert.Equal("u-1", data["userId"]!.GetValue<string>());
        Assert.True(InngestEventEncryption.IsLibsodiumValue(TestValues.Element(data["pii"])), data.ToJsonString());

        var byNode = await NodeMiddleware.DecryptAsync(new JsonArray(wire[0]!.DeepClone()), "json-key-7d1e");
        Assert.Equal(
            """{"userId":"u-1","pii":{"email":"ada@example.com","name":"Ada Lovelace","tags":["a","b"]}}""",
            byNode.Data(0).ToJsonString());

        // What a TypeScript sender still encrypts with the second old key parses with the container's options.
        var fromNode = await NodeMiddleware.EncryptAsync(
            new JsonArray(new JsonObject { ["name"] = ProfileUpdated.EventName, ["data"] = byNode.Data(0).DeepClone() }), "json-old-2", field: "pii");
        var received = new JsonObject { ["name"] = ProfileUpdated.EventName, ["data"] = fromNode.Data(0).DeepClone() }.ToJsonString();
        var parsed = InngestEvent.Parse<ProfileUpdated>(received, host.Services.GetRequiredService<InngestParseOptions>());
        Assert.Equal("ada@example.com", parsed.Data.Pii.Email);
        Assert.Equal(new[] { "a", "b" }, parsed.Data.Pii.Tags);
        await host.StopAsync();
    }

    [Fact]
    public async Task Encryption_runs_after_every_other_send_middleware_and_is_added_once()
    {
        var settings = EncryptionHosts.WriteSettings(_server, new JsonObject { ["Key"] = "order-key-91c3" });
        using var host = EncryptionHosts.Build(settings, services: s =>
        {
            // Registered after AddInngest and before AddInngestEncryption, and encryption still comes last.
            s.AddSingleton<InngestSendMiddleware>(new AddToEncrypted("service"));
            s.Configure<InngestOptions>(o => o.SendMiddleware.Add(new AddToEncrypted("options")));
            s.AddInngestEncryption();
        });
        await host.StartAsync();

        await host.Services.GetRequiredService<IInngestClient>().SendSignupCompletedAsync(new SignupCompleted("pro", Ada));

        var options = host.Services.GetRequiredService<IOptions<InngestOptions>>().Value;
        Assert.Single(options.SendMiddleware.OfType<InngestEncryptionMiddleware>());
        Assert.IsType<InngestEncryptionMiddleware>(options.SendMiddleware[^1]);
        var wire = JsonNode.Parse(Assert.Single(_server.Requests).BodyText)!.AsArray();
        Assert.DoesNotContain("added-by", wire.ToJsonString(), StringComparison.Ordinal);
        var byNode = await NodeMiddleware.DecryptAsync(wire, "order-key-91c3");
        var plaintext = byNode.Data(0)["encrypted"]!.AsObject();
        Assert.Equal("service,options", plaintext["added-by"]!.GetValue<string>());
        Assert.Equal("ada@example.com", plaintext["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Decryption_runs_before_the_applications_receive_middleware()
    {
        var settings = EncryptionHosts.WriteSettings(_server, new JsonObject { ["Key"] = "receive-key-33aa" });
        var peek = new Peek();
        using var host = EncryptionHosts.Build(settings, services: s => s.Configure<InngestParseOptions>(o => o.ReceiveMiddleware.Add(peek)));
        await host.StartAsync();
        await host.Services.GetRequiredService<IInngestClient>().SendSignupCompletedAsync(new SignupCompleted("pro", Ada));
        var wire = Assert.Single(Assert.Single(_server.Requests).BodyJson.EnumerateArray()).GetRawText();

        var parse = host.Services.GetRequiredService<InngestParseOptions>();
        var parsed = InngestEvent.Parse<SignupCompleted>(wire, parse);

        Assert.Same(parse, host.Services.GetRequiredService<InngestParseOptions>());
        Assert.IsType<InngestDecryptionMiddleware>(parse.ReceiveMiddleware[0]);
        Assert.Same(peek, parse.ReceiveMiddleware[1]);
        Assert.Equal("ada@example.com", peek.Seen!.Value.GetProperty("encrypted").GetProperty("email").GetString());
        Assert.Equal("Ada Lovelace", parsed.Data.Encrypted.Name);
    }

    [Fact]
    public async Task A_missing_key_fails_the_start_with_what_to_set_and_nothing_is_sent()
    {
        using var host = EncryptionHosts.Build(EncryptionHosts.WriteSettings(_server, encryption: null));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("No Inngest encryption key is set", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Inngest:Encryption:Key", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Inngest__Encryption__Key", failure.Message, StringComparison.Ordinal);
        Assert.Contains("INNGEST_ENCRYPTION_KEY", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_blank_fallback_entry_and_an_empty_field_name_fail_the_start_naming_each_setting()
    {
        var settings = EncryptionHosts.WriteSettings(_server, new JsonObject
        {
            ["Key"] = "key-present-5e2f",
            ["FallbackKeys"] = new JsonArray("old-key-present", "  "),
            ["FieldName"] = string.Empty,
        });
        using var host = EncryptionHosts.Build(settings);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Inngest:Encryption:FallbackKeys:1 is empty", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Inngest:Encryption:FieldName is empty", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("FallbackKeys:0", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("key-present", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_section_given_explicitly_is_bound_and_named_in_messages()
    {
        var settings = EncryptionHosts.WriteSettings(_server, encryption: null);
        using var missing = EncryptionHosts.Build(settings, section: c => c.GetSection("Messaging:Crypto"));
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => missing.StartAsync());
        Assert.Contains("Messaging:Crypto:Key", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Messaging__Crypto__Key", failure.Message, StringComparison.Ordinal);

        // The section need not come from the host's configuration at all.
        using var host = EncryptionHosts.Build(
            settings,
            section: _ => new ConfigurationBuilder().AddInMemoryCollection(new System.Collections.Generic.Dictionary<string, string?>
            {
                ["Messaging:Crypto:Key"] = "explicit-key-0b0b",
            }).Build().GetSection("Messaging:Crypto"));
        await host.StartAsync();
        await host.Services.GetRequiredService<IInngestClient>().SendSignupCompletedAsync(new SignupCompleted("pro", Ada));
        var byNode = await NodeMiddleware.DecryptAsync(JsonNode.Parse(Assert.Single(_server.Requests).BodyText)!.AsArray(), "explicit-key-0b0b");
        Assert.Equal("ada@example.com", byNode.Data(0)["encrypted"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_configuration_reload_changes_the_client_settings_but_not_the_keys()
    {
        var settings = EncryptionHosts.WriteSettings(_server, new JsonObject { ["Key"] = "reload-key-1" });
        using var host = EncryptionHosts.Build(settings);
        await host.StartAsync();
        await host.Services.GetRequiredService<IInngestClient>().SendSignupCompletedAsync(new SignupCompleted("pro", Ada));

        var changed = JsonNode.Parse(File.ReadAllText(settings))!;
        changed["Inngest"]!["Env"] = "after-reload";
        changed["Inngest"]!["Encryption"]!["Key"] = "reload-key-2";
        File.WriteAllText(settings, changed.ToJsonString());
        ((IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>()).Reload();
        await host.Services.GetRequiredService<IInngestClient>().SendSignupCompletedAsync(new SignupCompleted("pro", Ada));

        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Null(requests[0].Header("x-inngest-env"));
        Assert.Equal("after-reload", requests[1].Header("x-inngest-env")); // the client's options were rebuilt
        Assert.Single(host.Services.GetRequiredService<IOptionsMonitor<InngestOptions>>().CurrentValue.SendMiddleware.OfType<InngestEncryptionMiddleware>());
        var second = JsonNode.Parse(requests[1].BodyText)!.AsArray();
        Assert.True((await NodeMiddleware.DecryptAsync(second.DeepClone().AsArray(), "reload-key-1")).Ok); // keys are read once
        Assert.False((await NodeMiddleware.DecryptAsync(second, "reload-key-2")).Ok);
    }

    [Fact]
    public async Task An_InngestEncrypted_member_goes_out_encrypted_through_the_container_and_is_refused_without_encryption()
    {
        var settings = EncryptionHosts.WriteSettings(_server, new JsonObject { ["Key"] = "typed-key-6a6a" });
        using (var host = EncryptionHosts.Build(settings))
        {
            await host.StartAsync();
            await host.Services.GetRequiredService<IInngestClient>().SendAccountOpenedAsync(new AccountOpened("pro", Ada));
        }

        var byNode = await NodeMiddleware.DecryptAsync(JsonNode.Parse(Assert.Single(_server.Requests).BodyText)!.AsArray(), "typed-key-6a6a");
        Assert.Equal("ada@example.com", byNode.Data(0)["encrypted"]!["email"]!.GetValue<string>());

        // AddInngest alone: the runtime refuses the marked member before any request.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddJsonFile(settings);
        builder.Services.AddInngest(o => o.EnvironmentReader = static _ => null);
        using (var plain = builder.Build())
        {
            await plain.StartAsync();
            var refused = await Assert.ThrowsAsync<InngestConfigurationException>(
                () => plain.Services.GetRequiredService<IInngestClient>().SendAccountOpenedAsync(new AccountOpened("pro", Ada)));
            Assert.Contains("AddInngestEncryption", refused.Message, StringComparison.Ordinal);
        }

        // Encryption added but its settings invalid and the host not started: the settings' own message, not "not configured".
        using (var invalid = EncryptionHosts.Build(EncryptionHosts.WriteSettings(_server, encryption: null)))
        {
            var error = await Assert.ThrowsAsync<InngestEventValidationException>(
                () => invalid.Services.GetRequiredService<IInngestClient>().SendAccountOpenedAsync(new AccountOpened("pro", Ada)));
            Assert.Contains("No Inngest encryption key is set", error.ToString(), StringComparison.Ordinal);
        }

        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_receiving_only_app_without_AddInngest_gets_decrypting_parse_options()
    {
        var fromNode = await NodeMiddleware.EncryptAsync(
            new JsonArray(new JsonObject { ["name"] = SignupCompleted.EventName, ["data"] = new JsonObject { ["plan"] = "pro", ["encrypted"] = new JsonObject { ["email"] = "ada@example.com", ["name"] = "Ada", ["tags"] = new JsonArray() } } }),
            "receiver-only-key");
        var services = new ServiceCollection();
        services.AddInngestEncryption(o => o.Key = "receiver-only-key");
        using var provider = services.BuildServiceProvider();

        var received = new JsonObject { ["name"] = SignupCompleted.EventName, ["data"] = fromNode.Data(0).DeepClone() }.ToJsonString();
        var parsed = InngestEvent.Parse<SignupCompleted>(received, provider.GetRequiredService<InngestParseOptions>());

        Assert.Equal("ada@example.com", parsed.Data.Encrypted.Email);
        Assert.Null(provider.GetService<IInngestClient>());
    }

    [Fact]
    public void InngestParseOptions_registered_by_the_application_is_refused_with_what_to_do()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new InngestParseOptions());

        var error = Assert.Throws<InvalidOperationException>(() => services.AddInngestEncryption(o => o.Key = "k"));

        Assert.Contains("services.Configure<InngestParseOptions>", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Adds its name to <c>data.encrypted["added-by"]</c>: a hook that writes personal data, before encryption.</summary>
    private sealed class AddToEncrypted : InngestSendMiddleware
    {
        private readonly string _name;

        public AddToEncrypted(string name)
        {
            _name = name;
        }

        public override InngestEvent TransformEvent(InngestEvent evt, InngestSendMiddlewareContext context)
        {
            var data = JsonNode.Parse(context.SerializeData(evt).GetRawText())!.AsObject();
            var encrypted = data["encrypted"]!.AsObject();
            encrypted["added-by"] = encrypted["added-by"] is { } before ? before.GetValue<string>() + "," + _name : _name;
            using var document = JsonDocument.Parse(data.ToJsonString());
            return context.ReplaceData(evt, document.RootElement.Clone());
        }
    }

    /// <summary>Keeps the data it is given: what a receive hook after decryption sees.</summary>
    private sealed class Peek : InngestReceiveMiddleware
    {
        public JsonElement? Seen { get; private set; }

        public override JsonElement TransformData(JsonElement data, InngestReceiveMiddlewareContext context)
        {
            Seen = data.Clone();
            return data;
        }
    }
}
