using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Encryption.Tests;

/// <summary>
/// An encrypted batch sent through <see cref="InngestClient"/> to a real local HTTP server has the middleware's format
/// on the wire, and the real npm middleware decrypts the captured body.
/// </summary>
public sealed class WireTests
{
    private const string Key = "wire-test-encryption-key";

    [Fact]
    public async Task A_batch_of_encrypted_and_plain_events_goes_out_in_the_middleware_format_and_the_npm_package_decrypts_it()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = ClientFactory.Create(server, o => o.AddEncryption(new InngestEncryptionOptions { Key = Key }));

        var typed = new InngestEvent<SignupData>(
            "app/user.signed-up",
            new SignupData("pro", new PersonalData("ada@example.com", "Ada Lovelace", new[] { "vip", "beta" })),
            TestJson.Default.SignupData) { Id = "signup-1" };
        var plain = InngestEvent.FromJson("app/page.viewed", """{"path":"/pricing","count":3}""");
        var nullField = InngestEvent.FromJson("app/null.field", """{"encrypted":null,"other":true}""");
        var result = await client.SendAsync(new[] { typed, plain, nullField });
        Assert.Equal(3, result.Ids.Count);

        var request = Assert.Single(server.Requests);
        Assert.DoesNotContain("ada@example.com", request.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("Lovelace", request.BodyText, StringComparison.Ordinal);
        var events = JsonNode.Parse(request.Body)!.AsArray();

        var signup = events[0]!.AsObject();
        Assert.Equal("signup-1", signup["id"]!.GetValue<string>());
        Assert.Equal(new[] { "plan", "encrypted" }, signup["data"]!.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal("pro", signup["data"]!["plan"]!.GetValue<string>());
        var marker = signup["data"]!["encrypted"]!.AsObject();
        Assert.Equal(new[] { "__ENCRYPTED__", "__STRATEGY__", "data" }, marker.Select(p => p.Key).ToArray());
        Assert.True(marker["__ENCRYPTED__"]!.GetValue<bool>());
        Assert.Equal("inngest/libsodium", marker["__STRATEGY__"]!.GetValue<string>());

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"path":"/pricing","count":3}"""), events[1]!["data"]));
        Assert.True(events[2]!["data"]!["other"]!.GetValue<bool>());
        Assert.Equal("inngest/libsodium", events[2]!["data"]!["encrypted"]!["__STRATEGY__"]!.GetValue<string>());

        var decrypted = await NodeMiddleware.DecryptAsync(events, Key);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"plan":"pro","encrypted":{"email":"ada@example.com","name":"Ada Lovelace","tags":["vip","beta"]}}"""),
            decrypted.Data(0)), decrypted.Data(0).ToJsonString());
        Assert.True(JsonNode.DeepEquals(events[1]!["data"], decrypted.Data(1)));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"encrypted":null,"other":true}"""), decrypted.Data(2)));
    }

    /// <summary>Adds <c>addedBy</c> inside the encrypted field and records what the field held when it ran.</summary>
    private sealed class FieldWriter(string name) : InngestSendMiddleware
    {
        public bool SawMarker { get; private set; }

        public override InngestEvent TransformEvent(InngestEvent evt, InngestSendMiddlewareContext context)
        {
            var data = JsonNode.Parse(context.SerializeData(evt).GetRawText())!.AsObject();
            SawMarker = data["encrypted"] is JsonObject field && field.ContainsKey("__ENCRYPTED__");
            if (!SawMarker)
            {
                data["encrypted"]!["addedBy"] = name;
            }

            return context.ReplaceData(evt, System.Text.Json.JsonDocument.Parse(data.ToJsonString()).RootElement.Clone());
        }
    }

    [Fact]
    public async Task Hooks_before_the_encryption_middleware_see_plaintext_and_their_changes_are_encrypted_hooks_after_see_the_marker()
    {
        await using var server = await CaptureServer.StartAsync();
        var before = new FieldWriter("before");
        var after = new FieldWriter("after");
        var encryption = new InngestEncryptionOptions { Key = Key };
        using var client = ClientFactory.Create(server, o =>
        {
            o.SendMiddleware.Add(before);
            o.AddEncryption(encryption);
            o.SendMiddleware.Add(after);
        });

        await client.SendAsync(InngestEvent.FromJson("app/ordered", """{"encrypted":{"email":"ada@example.com"}}"""));

        Assert.False(before.SawMarker);
        Assert.True(after.SawMarker);
        var sent = Assert.Single(server.Requests).BodyJson[0].GetProperty("data");
        var decrypted = new InngestEventEncryption(encryption).DecryptData(sent);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"encrypted":{"email":"ada@example.com","addedBy":"before"}}"""), JsonNode.Parse(decrypted.GetRawText())));
    }

    [Fact]
    public async Task An_event_forwarded_as_received_is_not_encrypted_twice()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = ClientFactory.Create(server, o => o.AddEncryption(new InngestEncryptionOptions { Key = Key }));
        var fromNode = await NodeMiddleware.EncryptAsync(TestValues.Events(), Key);
        var received = fromNode.Data(0);

        await client.SendAsync(InngestEvent.FromJson("app/forwarded", received.ToJsonString()));

        var sent = JsonNode.Parse(Assert.Single(server.Requests).Body)![0]!["data"];
        Assert.True(JsonNode.DeepEquals(received, sent));
    }
}
