using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Encryption.Tests;

/// <summary>
/// Decryption on receive: <c>InngestEvent.Parse</c> with <c>AddDecryption</c> gives back the plaintext typed record,
/// for what the real <c>@inngest/middleware-encryption</c> 2.0.0 encrypted and for what this client put on the wire.
/// </summary>
public sealed class ReceiveDecryptionTests
{
    private static readonly SignupCompleted Signup = new("pro", new PersonalData("ada@example.com", "Ada Lovelace", new[] { "a", "b" }));

    private static InngestParseOptions Decrypting(string key, params string[] fallbacks)
    {
        var encryption = new InngestEncryptionOptions { Key = key };
        foreach (var fallback in fallbacks)
        {
            encryption.FallbackKeys.Add(fallback);
        }

        return new InngestParseOptions().AddDecryption(encryption);
    }

    [Fact]
    public async Task What_the_npm_middleware_encrypts_parses_into_the_plaintext_record()
    {
        var events = new JsonArray
        {
            new JsonObject
            {
                ["name"] = SignupCompleted.EventName,
                ["data"] = new JsonObject
                {
                    ["plan"] = "pro",
                    ["encrypted"] = new JsonObject { ["email"] = "ada@example.com", ["name"] = "Ada Lovelace", ["tags"] = new JsonArray("a", "b") },
                },
            },
        };
        var fromNode = await NodeMiddleware.EncryptAsync(events, "receive-key-1");
        var data = fromNode.Data(0);
        Assert.True(InngestEventEncryption.IsLibsodiumValue(TestValues.Element(data["encrypted"])), data.ToJsonString());
        var received = new JsonObject { ["name"] = SignupCompleted.EventName, ["data"] = data.DeepClone(), ["id"] = "e-1", ["ts"] = 1715790000000 }.ToJsonString();

        var parsed = InngestEvent.Parse<SignupCompleted>(received, Decrypting("receive-key-1"));

        Assert.Equal(Signup.Plan, parsed.Data.Plan);
        Assert.Equal(Signup.Encrypted.Email, parsed.Data.Encrypted.Email);
        Assert.Equal(Signup.Encrypted.Name, parsed.Data.Encrypted.Name);
        Assert.Equal(Signup.Encrypted.Tags, parsed.Data.Encrypted.Tags);
        Assert.Equal("e-1", parsed.Id);

        // The untyped dispatch decrypts too.
        var dispatched = Assert.IsType<InngestEvent<SignupCompleted>>(InngestEvent.Parse(received, Decrypting("receive-key-1")));
        Assert.Equal("Ada Lovelace", dispatched.Data.Encrypted.Name);
    }

    [Fact]
    public async Task What_this_client_sends_encrypted_parses_back_with_a_rotated_key()
    {
        await using var server = await CaptureServer.StartAsync();
        using (var client = ClientFactory.Create(server, o => o.AddEncryption(new InngestEncryptionOptions { Key = "old-key" })))
        {
            await client.SendSignupCompletedAsync(Signup);
        }

        var wire = Assert.Single(Assert.Single(server.Requests).BodyJson.EnumerateArray()).GetRawText();
        Assert.DoesNotContain("ada@example.com", wire, StringComparison.Ordinal);

        // The receiver moved to a new key and keeps the old one as a fallback (key rotation).
        var parsed = InngestEvent.Parse<SignupCompleted>(wire, Decrypting("new-key", "old-key"));
        Assert.Equal("ada@example.com", parsed.Data.Encrypted.Email);
        Assert.Equal(Signup.Encrypted.Tags, parsed.Data.Encrypted.Tags);

        // Without decryption the marker is all there is: the personal data is never read from it.
        var opaque = InngestEvent.Parse<SignupCompleted>(wire);
        Assert.Null(opaque.Data.Encrypted.Email);
    }

    [Fact]
    public async Task A_wrong_key_fails_the_parse_with_the_reason_inside_and_no_key_in_the_message()
    {
        await using var server = await CaptureServer.StartAsync();
        using (var client = ClientFactory.Create(server, o => o.AddEncryption(new InngestEncryptionOptions { Key = "right-key-123" })))
        {
            await client.SendSignupCompletedAsync(Signup);
        }

        var wire = Assert.Single(Assert.Single(server.Requests).BodyJson.EnumerateArray()).GetRawText();
        var error = Assert.Throws<InngestEventParseException>(() => InngestEvent.Parse<SignupCompleted>(wire, Decrypting("wrong-key-456")));

        Assert.Equal(InngestEventParseError.ReceiveMiddlewareFailed, error.Error);
        Assert.IsType<InngestDecryptionException>(error.InnerException);
        Assert.Contains(SignupCompleted.EventName, error.Message, StringComparison.Ordinal);
        foreach (var text in new[] { error.ToString(), error.InnerException!.ToString() })
        {
            Assert.DoesNotContain("wrong-key-456", text, StringComparison.Ordinal);
            Assert.DoesNotContain("right-key-123", text, StringComparison.Ordinal);
        }
    }
}

/// <summary>A typed event whose <c>encrypted</c> member holds the personal data (sent and parsed by the generated code).</summary>
[InngestEvent("test/signup.completed")]
public sealed partial record SignupCompleted(string Plan, PersonalData Encrypted);
