using System;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inngest.Encryption.Tests;

/// <summary>Every way an encrypted value can be unreadable fails with a message that says which, and never shows a key.</summary>
public sealed class DecryptionFailureTests
{
    private const string Key = "failure-test-key-do-not-print";
    private static readonly InngestEventEncryption Encryption = new(new InngestEncryptionOptions { Key = Key });

    private static JsonObject Sealed() => TestValues.Node(Encryption.EncryptValue(TestValues.Element(JsonNode.Parse("""{"email":"ada@example.com"}"""))))!.AsObject();

    private static InngestDecryptionException Fails(JsonNode marker)
    {
        var ex = Assert.Throws<InngestDecryptionException>(() => Encryption.DecryptData(TestValues.Element(new JsonObject { ["encrypted"] = marker })));
        Assert.DoesNotContain(Key, ex.ToString(), StringComparison.Ordinal);
        Assert.Contains("'encrypted'", ex.Message, StringComparison.Ordinal);
        return ex;
    }

    [Fact]
    public void A_sealed_value_opens_again()
        => Assert.Equal("ada@example.com", Encryption.DecryptValue(TestValues.Element(Sealed())).GetProperty("email").GetString());

    [Fact]
    public void A_tampered_ciphertext_fails()
    {
        var marker = Sealed();
        var bytes = Convert.FromBase64String(marker["data"]!.GetValue<string>());
        bytes[^1] ^= 0x01;
        marker["data"] = Convert.ToBase64String(bytes);
        Assert.Contains("cannot be decrypted with any of the 1 configured key(s)", Fails(marker).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_nonce_fails()
    {
        var marker = Sealed();
        var bytes = Convert.FromBase64String(marker["data"]!.GetValue<string>());
        marker["data"] = Convert.ToBase64String(bytes.AsSpan(0, 20));
        Assert.Contains("is 20 bytes long, shorter than a 24-byte nonce and a 16-byte MAC: it is truncated", Fails(marker).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_base64_fails()
    {
        var marker = Sealed();
        marker["data"] = "not base64 at all!";
        Assert.Contains("is not standard padded Base64", Fails(marker).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_strategy_fails()
    {
        var marker = Sealed();
        marker["__STRATEGY__"] = "acme/rot13";
        Assert.Contains("uses the strategy 'acme/rot13'; this package reads only 'inngest/libsodium'", Fails(marker).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_legacy_aes_format_is_refused_with_a_reason()
    {
        var marker = new JsonObject { ["__ENCRYPTED__"] = true, ["data"] = "U2FsdGVkX1+legacyAES" };
        Assert.Contains("legacy AES strategy (v0)", Fails(marker).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_without_the_marker_stay_as_they_are()
    {
        var data = JsonNode.Parse("""{"encrypted":{"__ENCRYPTED__":false,"data":"x"},"plain":1}""");
        Assert.True(JsonNode.DeepEquals(data, TestValues.Node(Encryption.DecryptData(TestValues.Element(data)))));
    }

    [Fact]
    public void Data_that_is_not_an_object_is_refused()
        => Assert.Throws<ArgumentException>(() => Encryption.DecryptData(JsonDocument.Parse("[1]").RootElement));
}
