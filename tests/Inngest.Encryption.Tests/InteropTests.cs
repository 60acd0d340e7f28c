using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Inngest.Encryption.Tests;

/// <summary>
/// .NET and the real <c>@inngest/middleware-encryption</c> 2.0.0 read each other's encrypted events: values of every
/// JSON kind, a custom field, key rotation in both directions and a wrong key.
/// </summary>
public sealed class InteropTests
{
    [Fact]
    public async Task What_dotnet_encrypts_the_npm_middleware_decrypts_to_the_same_json()
    {
        var original = TestValues.Events();
        var encrypted = TestEncryption.EncryptEvents(TestEncryption.Create("interop-key-1"), original);

        for (var i = 0; i < encrypted.Count; i++)
        {
            var data = encrypted[i]!["data"]!.AsObject();
            Assert.Equal($"visible {i}", data["plain"]!.GetValue<string>());
            var marker = data["encrypted"]!.AsObject();
            Assert.Equal(new[] { "__ENCRYPTED__", "__STRATEGY__", "data" }, marker.Select(p => p.Key).ToArray());
            Assert.True(marker["__ENCRYPTED__"]!.GetValue<bool>());
            Assert.Equal("inngest/libsodium", marker["__STRATEGY__"]!.GetValue<string>());
            // nonce (24) + MAC (16) + at least one byte of JSON.
            Assert.True(Convert.FromBase64String(marker["data"]!.GetValue<string>()).Length >= 24 + 16 + 1);
        }

        // A fresh random nonce each time: the same value never encrypts to the same text.
        var again = TestEncryption.EncryptEvents(TestEncryption.Create("interop-key-1"), original);
        Assert.NotEqual(encrypted[0]!["data"]!["encrypted"]!["data"]!.GetValue<string>(), again[0]!["data"]!["encrypted"]!["data"]!.GetValue<string>());

        var decrypted = await NodeMiddleware.DecryptAsync(encrypted, "interop-key-1");
        for (var i = 0; i < original.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(original[i]!["data"], decrypted.Data(i)), $"event {i}: {decrypted.Data(i).ToJsonString()}");
        }
    }

    [Fact]
    public async Task What_the_npm_middleware_encrypts_dotnet_decrypts()
    {
        var original = TestValues.Events();
        var fromNode = await NodeMiddleware.EncryptAsync(original, "interop-key-2");
        var encryption = TestEncryption.Create("interop-key-2");
        for (var i = 0; i < original.Count; i++)
        {
            var data = fromNode.Data(i);
            Assert.True(InngestEventEncryption.IsLibsodiumValue(TestValues.Element(data["encrypted"])), data.ToJsonString());
            Assert.Equal($"visible {i}", data["plain"]!.GetValue<string>());
            var decrypted = encryption.DecryptData(TestValues.Element(data));
            Assert.True(JsonNode.DeepEquals(original[i]!["data"], TestValues.Node(decrypted)), $"event {i}: {decrypted.GetRawText()}");
            Assert.True(JsonNode.DeepEquals(original[i]!["data"], encryption.DecryptData(data.DeepClone().AsObject())));
        }
    }

    [Fact]
    public async Task A_configured_field_name_is_the_only_field_encrypted_both_ways()
    {
        var original = TestValues.Events("pii");
        original[0]!["data"]!["encrypted"] = "not the configured field";
        var encryption = TestEncryption.Create("field-key", "pii");

        var fromDotNet = TestEncryption.EncryptEvents(encryption, original);
        Assert.Equal("not the configured field", fromDotNet[0]!["data"]!["encrypted"]!.GetValue<string>());
        Assert.True(InngestEventEncryption.IsLibsodiumValue(TestValues.Element(fromDotNet[0]!["data"]!["pii"])));
        var byNode = await NodeMiddleware.DecryptAsync(fromDotNet, "field-key");
        Assert.True(JsonNode.DeepEquals(original[0]!["data"], byNode.Data(0)));

        var fromNode = await NodeMiddleware.EncryptAsync(original, "field-key", field: "pii");
        Assert.Equal("not the configured field", fromNode.Data(0)["encrypted"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(original[0]!["data"], TestValues.Node(encryption.DecryptData(TestValues.Element(fromNode.Data(0))))));
    }

    [Fact]
    public async Task Key_rotation_works_both_ways_and_keys_are_trimmed_alike()
    {
        var original = TestValues.Events();

        // The TypeScript side still encrypts with the old key; .NET already has the new one and keeps the old as fallback.
        var fromNode = await NodeMiddleware.EncryptAsync(original, "old-key");
        var rotated = TestEncryption.Create("new-key", "encrypted", "  ", "old-key");
        Assert.True(JsonNode.DeepEquals(original[1]!["data"], TestValues.Node(rotated.DecryptData(TestValues.Element(fromNode.Data(1))))));

        // .NET encrypts with the new key (white space around it is ignored, as in the middleware); TypeScript still has the old key first.
        var fromDotNet = TestEncryption.EncryptEvents(TestEncryption.Create("  new-key\n"), original);
        var byNode = await NodeMiddleware.DecryptAsync(fromDotNet, "old-key", "new-key");
        Assert.True(JsonNode.DeepEquals(original[2]!["data"], byNode.Data(2)));
    }

    [Fact]
    public async Task A_wrong_key_fails_clearly_on_both_sides()
    {
        var original = TestValues.Events();
        var fromNode = await NodeMiddleware.EncryptAsync(original, "right-key");
        var wrong = TestEncryption.Create("wrong-key-value", "encrypted", "another-wrong-key");
        var ex = Assert.Throws<InngestDecryptionException>(() => wrong.DecryptData(TestValues.Element(fromNode.Data(0))));
        Assert.Contains("'encrypted' cannot be decrypted with any of the 2 configured key(s)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("FallbackKeys", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key-value", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ada@example.com", ex.ToString(), StringComparison.Ordinal);

        var fromDotNet = TestEncryption.EncryptEvents(TestEncryption.Create("right-key"), original);
        var byNode = await NodeMiddleware.DecryptAsync(fromDotNet, "wrong-key-value");
        Assert.False(byNode.Ok);
        Assert.Contains("wrong secret key", byNode.Error, StringComparison.Ordinal);
    }
}
