using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inngest.Conformance.Tests;

/// <summary>A typed payload with the same JSON shape as the wire vectors' usual event (case a).</summary>
public sealed record AccountCreated(string AccountId, string BillingPlan);

/// <summary>Source-generated metadata for the payloads the conformance tests send (no reflection).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(JsonElement?))]
[JsonSerializable(typeof(AccountCreated))]
internal sealed partial class ConformanceJson : JsonSerializerContext
{
}
