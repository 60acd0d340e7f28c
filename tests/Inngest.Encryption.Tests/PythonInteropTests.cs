using System;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Sodium;

namespace Inngest.Encryption.Tests;

/// <summary>
/// .NET and a Python sender or function using inngest-py's encryption middleware read each other's events. The Python
/// side is PyNaCl (python/crypto.py, doing what that middleware does), a libsodium binding independent of ours.
/// </summary>
public sealed class PythonInteropTests
{
    [Fact]
    public async Task What_dotnet_encrypts_a_python_function_decrypts_to_the_same_values()
    {
        var original = TestValues.Events();
        var encrypted = TestEncryption.EncryptEvents(TestEncryption.Create("py-interop-1"), original);

        var byPython = await PythonNaCl.DecryptAsync(encrypted, "py-interop-1");

        Assert.Equal("1.5.0", byPython.NaClVersion);
        for (var i = 0; i < original.Count; i++)
        {
            // null too: .NET encrypts it (as the TypeScript middleware does) and Python reads it back as None.
            Assert.True(InngestEventEncryption.IsLibsodiumValue(TestValues.Element(encrypted[i]!["data"]!["encrypted"])));
            Assert.True(JsonNode.DeepEquals(original[i]!["data"], byPython.Data(i)), $"event {i}: {byPython.Data(i).ToJsonString()}");
        }
    }

    [Fact]
    public async Task What_a_python_sender_encrypts_dotnet_decrypts_although_its_json_is_not_compact()
    {
        var original = TestValues.Events();
        var fromPython = await PythonNaCl.EncryptAsync(original, "py-interop-2");
        var encryption = TestEncryption.Create("py-interop-2");

        for (var i = 0; i < original.Count; i++)
        {
            var data = fromPython.Data(i);
            var decrypted = encryption.DecryptData(TestValues.Element(data));
            Assert.True(JsonNode.DeepEquals(original[i]!["data"], TestValues.Node(decrypted)), $"event {i}: {decrypted.GetRawText()}");
        }

        // Python leaves a None field unencrypted (JavaScript and .NET encrypt null); it reads as plain null.
        Assert.Null(fromPython.Data(3)["encrypted"]);
        Assert.True(fromPython.Data(3).ContainsKey("encrypted"));

        // The plaintext really is Python's json.dumps: spaces after separators and \u escapes for non-ASCII, opened
        // here with the bare libsodium primitives to show what .NET's JSON reader was given.
        var combined = Convert.FromBase64String(fromPython.Data(0)["encrypted"]!["data"]!.GetValue<string>());
        var key = GenericHash.Hash(Encoding.UTF8.GetBytes("py-interop-2"), null, 32);
        var plaintext = Encoding.UTF8.GetString(SecretBox.Open(combined.AsSpan(24).ToArray(), combined.AsSpan(0, 24).ToArray(), key));
        Assert.StartsWith("""{"email": "ada@example.com", "name": "Ada Lovelace", """, plaintext, StringComparison.Ordinal);
        Assert.Contains("""Z\u00fcrich""", plaintext, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_field_and_key_rotation_work_both_ways()
    {
        var original = TestValues.Events("pii");

        // Python still encrypts with the old key; .NET has the new one and the old as a fallback.
        var fromPython = await PythonNaCl.EncryptAsync(original, "py-old-key", field: "pii");
        Assert.True(InngestEventEncryption.IsLibsodiumValue(TestValues.Element(fromPython.Data(0)["pii"])));
        var rotated = TestEncryption.Create("py-new-key", "pii", "py-old-key");
        Assert.True(JsonNode.DeepEquals(original[0]!["data"], TestValues.Node(rotated.DecryptData(TestValues.Element(fromPython.Data(0))))));

        // .NET encrypts with the new key; the Python function still has the old key first and the new as a fallback.
        var fromDotNet = TestEncryption.EncryptEvents(TestEncryption.Create("py-new-key", "pii"), original);
        var byPython = await PythonNaCl.DecryptAsync(fromDotNet, "py-old-key", "pii", "py-new-key");
        Assert.True(JsonNode.DeepEquals(original[2]!["data"], byPython.Data(2)));
    }

    [Fact]
    public async Task A_wrong_key_fails_on_both_sides()
    {
        var original = TestValues.Events();
        var fromDotNet = TestEncryption.EncryptEvents(TestEncryption.Create("py-right-key"), original);
        var byPython = await PythonNaCl.DecryptAsync(fromDotNet, "py-wrong-key");
        Assert.False(byPython.Ok);
        Assert.Equal("Failed to decrypt data", byPython.Error);

        var fromPython = await PythonNaCl.EncryptAsync(original, "py-right-key");
        Assert.Throws<InngestDecryptionException>(() => TestEncryption.Create("py-wrong-key").DecryptData(TestValues.Element(fromPython.Data(0))));
    }

    [Fact]
    public async Task Surrounding_white_space_in_a_key_is_ignored_by_dotnet_but_not_by_python()
    {
        var original = TestValues.Events();

        // .NET (like TypeScript) hashes the trimmed key, so Python must be given the key without the white space.
        var fromDotNet = TestEncryption.EncryptEvents(TestEncryption.Create("  spaced-key\n"), original);
        var samePadding = await PythonNaCl.DecryptAsync(fromDotNet.DeepClone().AsArray(), "  spaced-key\n");
        Assert.False(samePadding.Ok);
        Assert.Equal("Failed to decrypt data", samePadding.Error);
        var trimmed = await PythonNaCl.DecryptAsync(fromDotNet.DeepClone().AsArray(), "spaced-key");
        Assert.True(JsonNode.DeepEquals(original[0]!["data"], trimmed.Data(0)));

        // Python hashes the key as it is: what it encrypts with a padded key no .NET key opens.
        var fromPython = await PythonNaCl.EncryptAsync(original, "  spaced-key\n");
        Assert.Throws<InngestDecryptionException>(() => TestEncryption.Create("  spaced-key\n").DecryptData(TestValues.Element(fromPython.Data(0))));
        Assert.Throws<InngestDecryptionException>(() => TestEncryption.Create("spaced-key").DecryptData(TestValues.Element(fromPython.Data(0))));
    }

    [Fact]
    public async Task Data_that_is_itself_an_encrypted_value_is_decrypted_and_merged_with_its_plaintext_fields()
    {
        // An invoke payload as an older SDK writes it: the whole data encrypted, Inngest's own "_inngest" beside it.
        var plain = JsonNode.Parse("""{"orderId":"o-1","encrypted":{"email":"ada@example.com"},"amount":12.5}""")!;
        var sealedData = (await PythonNaCl.SealAsync(plain, "py-invoke-key")).Value!.AsObject();
        sealedData["_inngest"] = JsonNode.Parse("""{"source_app_id":"app","source_fn_id":"fn"}""");

        var decrypted = TestValues.Node(TestEncryption.Create("py-invoke-key").DecryptData(TestValues.Element(sealedData)))!;

        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse("""{"_inngest":{"source_app_id":"app","source_fn_id":"fn"},"orderId":"o-1","encrypted":{"email":"ada@example.com"},"amount":12.5}"""), decrypted),
            decrypted.ToJsonString());

        // Python reads the same value the same way (the reference for the merge).
        var byPython = await PythonNaCl.DecryptAsync(new JsonArray(new JsonObject { ["name"] = "test/invoke", ["data"] = sealedData.DeepClone() }), "py-invoke-key");
        Assert.True(JsonNode.DeepEquals(decrypted, byPython.Data(0)), byPython.Data(0).ToJsonString());

        // Typed receiving goes through the same path.
        var received = new JsonObject { ["name"] = SignupCompleted.EventName, ["data"] = (await PythonNaCl.SealAsync(JsonNode.Parse("""{"plan":"pro","encrypted":{"email":"ada@example.com","name":"Ada","tags":[]}}"""), "py-invoke-key")).Value!.DeepClone() };
        var parsed = InngestEvent.Parse<SignupCompleted>(received.ToJsonString(), new InngestParseOptions().AddDecryption(new InngestEncryptionOptions { Key = "py-invoke-key" }));
        Assert.Equal("ada@example.com", parsed.Data.Encrypted.Email);

        // Whole data whose plaintext is not an object cannot be event data.
        var sealedString = (await PythonNaCl.SealAsync(JsonValue.Create("just text"), "py-invoke-key")).Value!;
        var error = Assert.Throws<InngestDecryptionException>(() => TestEncryption.Create("py-invoke-key").DecryptData(TestValues.Element(sealedString)));
        Assert.Contains("plaintext is String, not a JSON object", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("just text", error.ToString(), StringComparison.Ordinal);
    }
}
