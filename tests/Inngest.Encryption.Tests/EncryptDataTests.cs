using System;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inngest.Encryption.Tests;

/// <summary>Which parts of <c>data</c> are encrypted, on inputs the interop tests do not cover.</summary>
public sealed class EncryptDataTests
{
    private static readonly InngestEventEncryption Encryption = new(new InngestEncryptionOptions { Key = "encrypt-data-tests" });

    [Fact]
    public void A_field_named_twice_is_encrypted_both_times_so_no_plaintext_copy_leaks()
    {
        using var document = JsonDocument.Parse("""{"encrypted":"first secret","encrypted":"second secret","plain":1}""");
        var text = Encryption.EncryptData(document.RootElement).GetRawText();
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.Contains("\"plain\":1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_without_the_field_is_returned_unchanged()
    {
        using var document = JsonDocument.Parse("""{"Encrypted":"case differs","nested":{"encrypted":"not top-level"}}""");
        var result = Encryption.EncryptData(document.RootElement);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(document.RootElement.GetRawText()), JsonNode.Parse(result.GetRawText())));
    }

    [Fact]
    public void Data_that_is_not_an_object_is_refused()
        => Assert.Contains("must be a JSON object", Assert.Throws<ArgumentException>(() => Encryption.EncryptData(JsonDocument.Parse("\"text\"").RootElement)).Message, StringComparison.Ordinal);
}
