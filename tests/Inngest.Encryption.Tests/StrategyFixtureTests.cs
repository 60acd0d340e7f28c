using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Inngest.Encryption.Tests;

/// <summary>
/// The encrypted values the middleware's own test suite works with. The npm package publishes no fixture files: its
/// tests (packages/middleware-encryption/src/middleware.test.ts in inngest-js) make each encrypted value at run time
/// with the published <c>LibSodiumEncryptionService</c> over the key list <c>["123"]</c>, and check decryption with a
/// second instance. This suite does the same with the installed 2.0.0 package (node/strategy.mjs) and reads every such
/// value in .NET, and the reverse; a value changed by one byte fails on both sides.
/// </summary>
public sealed class StrategyFixtureTests
{
    private const string SuiteKey = "123";

    private static async Task<(string Identifier, JsonArray Results)> RunAsync(JsonObject input)
    {
        var answer = await NodeMiddleware.RunScriptAsync("strategy.mjs", input);
        Assert.True(answer["ok"]!.GetValue<bool>(), answer.ToJsonString());
        return (answer["identifier"]!.GetValue<string>(), answer["results"]!.AsArray());
    }

    private static JsonElement Marker(string identifier, string data)
        => TestValues.Element(new JsonObject { ["__ENCRYPTED__"] = true, ["__STRATEGY__"] = identifier, ["data"] = data });

    [Fact]
    public async Task Values_the_published_strategy_encrypts_with_the_suites_key_decrypt_in_dotnet()
    {
        var values = new JsonArray(TestValues.FieldValues().Select(v => v?.DeepClone()).ToArray());
        var (identifier, ciphertexts) = await RunAsync(new JsonObject { ["op"] = "encrypt", ["keys"] = new JsonArray(SuiteKey), ["values"] = values });

        Assert.Equal("inngest/libsodium", identifier);
        var encryption = new InngestEventEncryption(new InngestEncryptionOptions { Key = SuiteKey });
        for (var i = 0; i < values.Count; i++)
        {
            var decrypted = encryption.DecryptValue(Marker(identifier, ciphertexts[i]!.GetValue<string>()));
            Assert.True(JsonNode.DeepEquals(values[i], TestValues.Node(decrypted)), $"value {i}: {decrypted.GetRawText()}");
        }
    }

    [Fact]
    public async Task Values_dotnet_encrypts_decrypt_with_the_published_strategy_and_a_changed_byte_fails_on_both_sides()
    {
        var encryption = new InngestEventEncryption(new InngestEncryptionOptions { Key = SuiteKey });
        var values = TestValues.FieldValues();
        var ciphertexts = new JsonArray();
        foreach (var value in values)
        {
            ciphertexts.Add(encryption.EncryptValue(TestValues.Element(value)).GetProperty("data").GetString());
        }

        var tampered = Convert.FromBase64String(ciphertexts[0]!.GetValue<string>());
        tampered[^1] ^= 0x01;
        ciphertexts.Add(Convert.ToBase64String(tampered));

        var (_, results) = await RunAsync(new JsonObject { ["op"] = "decrypt", ["keys"] = new JsonArray("not-the-key", SuiteKey), ["ciphertexts"] = ciphertexts });

        for (var i = 0; i < values.Count; i++)
        {
            var result = results[i]!.AsObject();
            Assert.False(result.ContainsKey("error"), result.ToJsonString());
            Assert.True(JsonNode.DeepEquals(values[i], result["value"]), $"value {i}: {result.ToJsonString()}");
        }

        Assert.True(results[values.Count]!.AsObject().ContainsKey("error"), "the published strategy accepted a changed ciphertext");
        Assert.Throws<InngestDecryptionException>(() => encryption.DecryptValue(Marker("inngest/libsodium", Convert.ToBase64String(tampered))));
    }
}
