using System;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Inngest.Receiving.Tests;

// Same namespace and members as the generator tests' parity helper, so their ParityTests.cs (linked into this
// project with the corpus) runs every corpus value through this one instead: send, capture, parse back.
namespace Inngest.Generators.Tests.Parity;

/// <summary>
/// The round trip for the generator parity corpus: each value is sent with the real client (what the generated
/// <c>Send...Async</c> does) to the capture server, and the captured request body is parsed back with
/// <see cref="InngestEvent.ParseBatch{T}(ReadOnlySpan{byte}, InngestParseOptions?)"/> and the untyped
/// <see cref="InngestEvent.Parse(JsonElement, InngestParseOptions?)"/>. The parsed payload must be equal to the sent
/// one: written with System.Text.Json's reflection serializer (the oracle) it gives the same JSON, and where the
/// type has value equality for the value, it is <see cref="object.Equals(object)"/> too.
/// </summary>
internal static class ParityAssert
{
    /// <summary>Reflection-based options equal to the generated context's defaults (the oracle).</summary>
    public static readonly JsonSerializerOptions Reflection = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    public static string Bytes<T>(T value, JsonTypeInfo<T> generated, bool expectFastPath)
        where T : IInngestEventData<T>
    {
        _ = generated;
        _ = expectFastPath;
        var request = WireCapture.Send(InngestEvent.Create(value, id: "corpus-" + typeof(T).Name));
        var expectedJson = JsonSerializer.Serialize(value, Reflection);

        var parsed = Assert.Single(InngestEvent.ParseBatch<T>(request.Body));
        Assert.Equal(T.EventName, parsed.Name);
        Assert.Equal(T.EventVersion, parsed.Version);
        Assert.Equal(T.EventVersion, parsed.ReceivedVersion);
        Assert.False(parsed.IsUpgraded);
        Assert.Equal("corpus-" + typeof(T).Name, parsed.Id);
        var sentTs = request.BodyJson[0].GetProperty("ts").GetInt64();
        Assert.Equal(sentTs, parsed.Timestamp!.Value.ToUnixTimeMilliseconds());
        Assert.Equal(expectedJson, JsonSerializer.Serialize(parsed.Data, Reflection));
        if (HasValueEquality(value, expectedJson))
        {
            Assert.Equal(value, parsed.Data);
        }

        // Dispatch by name and version finds the same record.
        var untyped = InngestEvent.Parse(request.BodyJson[0]);
        var typed = Assert.IsType<InngestEvent<T>>(untyped);
        Assert.Equal(expectedJson, JsonSerializer.Serialize(typed.Data, Reflection));
        return expectedJson;
    }

    /// <summary>The generated metadata for options System.Text.Json cannot treat as the context's own (no fast path).</summary>
    public static JsonTypeInfo<T> MetadataPath<T>(JsonTypeInfo<T> generated)
    {
        var options = new JsonSerializerOptions(generated.Options);
        options.Converters.Add(new UnrelatedConverter());
        options.MakeReadOnly();
        return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }

    /// <summary>True when System.Text.Json will run the SerializeHandler of this metadata (read from its internals).</summary>
    public static bool UsesFastPath(JsonTypeInfo typeInfo)
    {
        typeof(JsonTypeInfo).GetMethod("EnsureConfigured", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(typeInfo, null);
        return (bool)typeof(JsonTypeInfo).GetProperty("CanUseSerializeHandler", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(typeInfo)!;
    }

    // Records with collections compare by reference; a value is comparable when a reflection copy of it equals it.
    private static bool HasValueEquality<T>(T value, string json)
    {
        try
        {
            return Equals(value, JsonSerializer.Deserialize<T>(json, Reflection));
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return false;
        }
    }

    private sealed class Unrelated
    {
    }

    private sealed class UnrelatedConverter : JsonConverter<Unrelated>
    {
        public override Unrelated Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, Unrelated value, JsonSerializerOptions options) => throw new NotSupportedException();
    }
}
