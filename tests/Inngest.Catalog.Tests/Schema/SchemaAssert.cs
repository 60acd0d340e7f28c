using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Inngest.Catalog.Tests.Schema;

/// <summary>
/// Validates JSON against a generated schema with JsonSchema.Net (formats asserted, not just annotated), and
/// makes the mutations that must fail: a required member removed, a member of the wrong JSON type, an
/// enum value the enum does not have.
/// </summary>
internal static class SchemaAssert
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>The generated <c>JsonSchema</c> constant of an event type (read as users would read it, here by reflection).</summary>
    public static string SchemaOf(Type eventType)
        => eventType.GetField("JsonSchema", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
            ?? throw new InvalidOperationException($"{eventType.FullName} has no generated JsonSchema constant.");

    public static JsonSchema Parse(string schema) => JsonSchema.FromText(schema);

    /// <summary>Null when valid, else the validator's errors.</summary>
    public static string? Errors(JsonSchema schema, JsonNode? value)
    {
        var result = schema.Evaluate(JsonSerializer.SerializeToElement(value), Options);
        if (result.IsValid)
        {
            return null;
        }

        return string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")).Take(6));
    }

    /// <summary>Mutations of <paramref name="value"/> (an object) that the schema must reject, with what each did.</summary>
    public static IEnumerable<(string What, JsonNode Mutated)> Mutations(JsonNode schemaNode, JsonObject value)
    {
        var root = schemaNode.AsObject();
        if (root["properties"] is not JsonObject properties)
        {
            yield break;
        }

        var required = root["required"] is JsonArray list ? list.Select(n => n!.GetValue<string>()).ToHashSet() : new HashSet<string>();
        foreach (var name in required)
        {
            if (value.ContainsKey(name))
            {
                var mutated = value.DeepClone().AsObject();
                mutated.Remove(name);
                yield return ($"required '{name}' removed", mutated);
            }
        }

        foreach (var (name, propertySchema) in properties)
        {
            if (!value.TryGetPropertyValue(name, out var current) || current is null || propertySchema is not JsonObject ps || ps.Count == 0)
            {
                continue; // absent, null, or any JSON value allowed
            }

            // No schema here allows a boolean besides a boolean's (or any value's), and none allows both a number and a boolean.
            var wrong = current.GetValueKind() switch
            {
                JsonValueKind.True or JsonValueKind.False => (JsonNode)JsonValue.Create(12.5),
                _ => JsonValue.Create(true),
            };

            var mutated = value.DeepClone().AsObject();
            mutated[name] = wrong;
            yield return ($"'{name}' given {wrong.ToJsonString()} instead of {current.ToJsonString()}", mutated);

            if (ps["enum"] is JsonArray members)
            {
                var unknown = members.Any(m => m?.GetValueKind() == JsonValueKind.String) ? (JsonNode)JsonValue.Create("NotAMemberOfTheEnum") : JsonValue.Create(987654321);
                var withUnknown = value.DeepClone().AsObject();
                withUnknown[name] = unknown;
                yield return ($"'{name}' given the unknown enum value {unknown.ToJsonString()}", withUnknown);
            }
        }
    }
}
