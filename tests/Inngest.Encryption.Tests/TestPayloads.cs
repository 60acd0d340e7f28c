using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Inngest.Encryption.Tests;

/// <summary>A typed payload whose <c>encrypted</c> member holds the personal data.</summary>
public sealed record SignupData(string Plan, PersonalData Encrypted);

/// <summary>The personal data of <see cref="SignupData"/>.</summary>
public sealed record PersonalData(string Email, string Name, IReadOnlyList<string> Tags);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SignupData))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class TestJson : JsonSerializerContext
{
}

/// <summary>The values the encrypted field takes in the tests: a record, a list, a string, null, a number and text beyond ASCII.</summary>
internal static class TestValues
{
    public static IReadOnlyList<JsonNode?> FieldValues() => new JsonNode?[]
    {
        JsonNode.Parse("""{"email":"ada@example.com","name":"Ada Lovelace","address":{"city":"Zürich","zip":"8001"},"tags":["a","b"]}"""),
        JsonNode.Parse("""[1,"two",{"three":3},null,true]"""),
        JsonValue.Create("a secret string with \"quotes\", emoji 🔐 and ünïcödé"),
        null,
        JsonValue.Create(42.5),
    };

    /// <summary>Data objects with the value under <paramref name="field"/> and a plaintext neighbour.</summary>
    public static JsonArray Events(string field = "encrypted")
    {
        var events = new JsonArray();
        var i = 0;
        foreach (var value in FieldValues())
        {
            events.Add(new JsonObject
            {
                ["name"] = "test/encrypted",
                ["data"] = new JsonObject { [field] = value?.DeepClone(), ["plain"] = $"visible {i++}" },
            });
        }

        return events;
    }

    public static JsonElement Element(JsonNode? node) => JsonDocument.Parse(node?.ToJsonString() ?? "null").RootElement.Clone();

    public static JsonNode? Node(JsonElement element) => JsonNode.Parse(element.GetRawText());
}
