using System.Text.Json.Nodes;

namespace Inngest.Encryption.Tests;

/// <summary>The .NET side of the interop tests: a strategy from a key, and events encrypted with it.</summary>
internal static class TestEncryption
{
    public static InngestEventEncryption Create(string key, string field = "encrypted", params string[] fallbacks)
    {
        var options = new InngestEncryptionOptions { Key = key, FieldName = field };
        foreach (var fallback in fallbacks)
        {
            options.FallbackKeys.Add(fallback);
        }

        return new InngestEventEncryption(options);
    }

    /// <summary>Copies of <paramref name="events"/> (name and data) with their data encrypted by <paramref name="encryption"/>.</summary>
    public static JsonArray EncryptEvents(InngestEventEncryption encryption, JsonArray events)
    {
        var result = new JsonArray();
        foreach (var evt in events)
        {
            var data = TestValues.Element(evt!["data"]);
            result.Add(new JsonObject { ["name"] = evt["name"]!.GetValue<string>(), ["data"] = TestValues.Node(encryption.EncryptData(data)) });
        }

        return result;
    }
}
