using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Inngest.Generators.Oracle.Tests.Harness;

/// <summary>
/// The second oracle, for the few cases System.Text.Json's generator emits uncompilable code for:
/// System.Text.Json's reflection serializer under the same Web defaults.
/// </summary>
internal static class ReflectionOracle
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        options.MakeReadOnly();
        return options;
    }
}
