using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inngest.Benchmarks.Model;

// What a user would write without this library: an envelope type of their own, serialized with a
// hand-written [JsonSerializable] context, with System.Text.Json reflection, or with Newtonsoft.Json.
// The attributes of both serializers sit on the same types so all baselines write the same JSON.

/// <summary>A hand-written Inngest event envelope.</summary>
public sealed class Envelope<T>
{
    [JsonPropertyName("name")]
    [Newtonsoft.Json.JsonProperty("name", Order = 1)]
    public required string Name { get; init; }

    [JsonPropertyName("data")]
    [Newtonsoft.Json.JsonProperty("data", Order = 2)]
    public required T Data { get; init; }

    [JsonPropertyName("user")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Newtonsoft.Json.JsonProperty("user", Order = 3, NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore)]
    public EnvelopeUser? User { get; init; }

    [JsonPropertyName("id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Newtonsoft.Json.JsonProperty("id", Order = 4, NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore)]
    public string? Id { get; init; }

    [JsonPropertyName("ts")]
    [Newtonsoft.Json.JsonProperty("ts", Order = 5)]
    public long Ts { get; init; }

    [JsonPropertyName("v")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Newtonsoft.Json.JsonProperty("v", Order = 6, NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore)]
    public string? Version { get; init; }
}

/// <summary>A hand-written <c>user</c> object.</summary>
public sealed class EnvelopeUser
{
    [JsonPropertyName("external_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Newtonsoft.Json.JsonProperty("external_id", NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore)]
    public string? ExternalId { get; init; }

    [JsonPropertyName("email")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Newtonsoft.Json.JsonProperty("email", NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore)]
    public string? Email { get; init; }

    [JsonPropertyName("phone")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Newtonsoft.Json.JsonProperty("phone", NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore)]
    public string? Phone { get; init; }
}

/// <summary>The hand-written System.Text.Json source-generated context (the usual AOT-safe choice).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<Envelope<AccountCreated>>))]
[JsonSerializable(typeof(List<Envelope<OrderPlaced>>))]
[JsonSerializable(typeof(AccountCreated))]
[JsonSerializable(typeof(OrderPlaced))]
public sealed partial class HandWrittenJson : JsonSerializerContext
{
}

/// <summary>Serializer settings shared by the baselines.</summary>
public static class BaselineSettings
{
    /// <summary>The writer options of the runtime's envelope writer (compact, non-ASCII unescaped).</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>System.Text.Json with reflection-based metadata: what <c>JsonSerializer.Serialize(value)</c> users get.</summary>
    public static readonly JsonSerializerOptions Reflection = CreateReflection();

    /// <summary>Newtonsoft.Json with camelCase members and ISO dates (dictionary keys kept as written).</summary>
    public static readonly global::Newtonsoft.Json.JsonSerializer NewtonsoftSerializer = global::Newtonsoft.Json.JsonSerializer.Create(new global::Newtonsoft.Json.JsonSerializerSettings
    {
        ContractResolver = new global::Newtonsoft.Json.Serialization.DefaultContractResolver
        {
            NamingStrategy = new global::Newtonsoft.Json.Serialization.CamelCaseNamingStrategy { ProcessDictionaryKeys = false, OverrideSpecifiedNames = false },
        },
        Formatting = global::Newtonsoft.Json.Formatting.None,
        DateParseHandling = global::Newtonsoft.Json.DateParseHandling.None,
    });

    private static JsonSerializerOptions CreateReflection()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
