using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Inngest.Generators.Oracle.Tests.Harness;

/// <summary>
/// The comparisons, for one event type: our generated metadata (the fast path as
/// <c>T.JsonTypeInfo</c> gives it, and the metadata path forced through other options) against
/// System.Text.Json's generated metadata for the same type, on writing and on reading.
/// </summary>
internal static class OracleComparer
{
    /// <summary>
    /// Compares every value and every JSON input; returns what differed, empty when nothing did.
    /// <paramref name="oracleOptions"/> are the oracle context's own options (their resolver is the context).
    /// When the case stores <paramref name="runtimeTypes"/> in <c>object</c> members, ours is resolved as
    /// the client resolves it with <c>InngestClientOptions.JsonTypeInfoResolver</c> set to a user resolver
    /// that describes exactly those types (the documented way; our context alone cannot know them).
    /// </summary>
    public static List<string> Compare<T>(JsonSerializerOptions oracleOptions, IEnumerable<T> values, IEnumerable<OracleInputAttribute> inputs, IReadOnlyCollection<Type>? runtimeTypes = null)
        where T : IInngestEventData<T>
    {
        var failures = new List<string>();
        JsonTypeInfo<T>? oracle = null, ours = null, oursMetadata = null;
        var oracleInfo = Outcome.Of(() =>
        {
            oracle = (JsonTypeInfo<T>)oracleOptions.GetTypeInfo(typeof(T));
            return "metadata";
        });
        var oursInfo = Outcome.Of(() =>
        {
            ours = runtimeTypes is { Count: > 0 } ? ViaUserResolver(T.JsonTypeInfo, new OnlyTheseTypes(oracleOptions, runtimeTypes)) : T.JsonTypeInfo;
            oursMetadata = MetadataPath(ours);
            return "metadata";
        });
        if (!oracleInfo.Succeeded || !oursInfo.Succeeded)
        {
            // An invalid configuration: System.Text.Json throws when it builds the metadata; so must ours.
            Expect(failures, $"creating the metadata of {typeof(T).Name}", oracleInfo, oursInfo);
            return failures;
        }

        var index = 0;
        foreach (var value in values)
        {
            var expected = Outcome.Of(() => JsonSerializer.Serialize(value, oracle!));
            var fast = Outcome.Of(() => JsonSerializer.Serialize(value, ours!));
            var slow = Outcome.Of(() => JsonSerializer.Serialize(value, oursMetadata!));
            Expect(failures, $"value #{index}: write (fast path)", expected, fast);
            Expect(failures, $"value #{index}: write (metadata path)", expected, slow);
            if (expected.Succeeded)
            {
                CompareRead(failures, $"value #{index}: read back", expected.Json!, oracle!, ours!, oursMetadata!);
            }

            index++;
        }

        foreach (var input in inputs)
        {
            var label = $"input {input.Json}";
            var read = CompareRead(failures, label, input.Json, oracle!, ours!, oursMetadata!);
            if (input.Expect == OracleExpectation.Reads && !read.Succeeded)
            {
                failures.Add($"{label}: the case expects the oracle to read it, but it threw {read}. Fix the case.");
            }
            else if (input.Expect == OracleExpectation.Throws && read.Succeeded)
            {
                failures.Add($"{label}: the case expects the oracle to throw, but it read {read.Json}. Fix the case.");
            }
        }

        return failures;
    }

    /// <summary>
    /// The case checks that need only the oracle: its expectations of each input hold, and at least one
    /// value is written without an exception (a case whose every value throws tests nothing).
    /// </summary>
    public static List<string> CheckOracleAlone<T>(JsonSerializerOptions oracleOptions, IEnumerable<T> values, IEnumerable<OracleInputAttribute> inputs)
    {
        var problems = new List<string>();
        JsonTypeInfo<T> oracle;
        try
        {
            oracle = (JsonTypeInfo<T>)oracleOptions.GetTypeInfo(typeof(T));
        }
        catch (InvalidOperationException)
        {
            // An invalid configuration the oracle rejects when building metadata: a case of its own (ours must reject it too).
            return problems;
        }
        var written = values.Select(v => Outcome.Of(() => JsonSerializer.Serialize(v, oracle))).ToList();
        if (!written.Any(o => o.Succeeded))
        {
            problems.Add($"none of the {written.Count} values is written by the oracle: {string.Join(" | ", written.Take(2))}");
        }

        foreach (var input in inputs)
        {
            var read = Outcome.Of(() => JsonSerializer.Serialize(JsonSerializer.Deserialize(input.Json, oracle)!, oracle));
            if ((input.Expect == OracleExpectation.Reads && !read.Succeeded) || (input.Expect == OracleExpectation.Throws && read.Succeeded))
            {
                problems.Add($"input {input.Json} expects {input.Expect}, the oracle gives {read}");
            }
        }

        return problems;
    }

    /// <summary>
    /// Reads <paramref name="json"/> with the oracle and with ours (both option sets); values are
    /// compared by writing them with the oracle's metadata. Returns the oracle's outcome.
    /// </summary>
    private static Outcome CompareRead<T>(List<string> failures, string label, string json, JsonTypeInfo<T> oracle, JsonTypeInfo<T> ours, JsonTypeInfo<T> oursMetadata)
        where T : IInngestEventData<T>
    {
        var expected = Outcome.Of(() => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, oracle)!, oracle));
        Expect(failures, label + " (our fast-path metadata)", expected, Outcome.Of(() => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, ours)!, oracle)));
        Expect(failures, label + " (our metadata path)", expected, Outcome.Of(() => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, oursMetadata)!, oracle)));
        CompareGeneratedRead(failures, label, json, expected, oracle);
        return expected;
    }

    /// <summary>
    /// The generated reader (<c>T.TryReadData</c>, what <c>InngestEvent.Parse</c> reads received data with) on the same
    /// JSON: it may give up (return false or throw: the runtime then reads with the metadata), but what it reads must
    /// be what the oracle reads, and it must never read what the oracle refuses.
    /// </summary>
    private static void CompareGeneratedRead<T>(List<string> failures, string label, string json, Outcome expected, JsonTypeInfo<T> oracle)
        where T : IInngestEventData<T>
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        string? read;
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = oracle.Options.MaxDepth == 0 ? 64 : oracle.Options.MaxDepth });
            reader.Read();
            read = reader.TokenType == JsonTokenType.StartObject && T.TryReadData(ref reader, out var value) ? JsonSerializer.Serialize(value, oracle) : null;
        }
        catch (Exception)
        {
            read = null; // gave up
        }

        if (read is null)
        {
            return;
        }

        if (!expected.Succeeded || expected.Json != read)
        {
            failures.Add($"{label} (our generated reader):\n    oracle: {expected}\n    ours:   {read}");
        }
    }

    private static void Expect(List<string> failures, string label, Outcome oracle, Outcome ours)
    {
        if (!oracle.Matches(ours))
        {
            failures.Add($"{label}:\n    oracle: {oracle}\n    ours:   {ours}");
        }
    }

    /// <summary>
    /// Our metadata for a copy of the generated options that System.Text.Json cannot treat as the
    /// generated ones (an unrelated converter is registered), so the fast path never runs.
    /// </summary>
    public static JsonTypeInfo<T> MetadataPath<T>(JsonTypeInfo<T> generated)
    {
        var options = new JsonSerializerOptions(generated.Options);
        options.Converters.Add(new UnrelatedConverter());
        options.MakeReadOnly();
        return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }

    /// <summary>What the client does with a user resolver (Inngest.Runtime's JsonMetadataResolver): the metadata's options, with the user's resolver appended.</summary>
    public static JsonTypeInfo<T> ViaUserResolver<T>(JsonTypeInfo<T> generated, IJsonTypeInfoResolver user)
    {
        var options = new JsonSerializerOptions(generated.Options) { TypeInfoResolver = JsonTypeInfoResolver.Combine(generated.Options.TypeInfoResolver, user) };
        options.MakeReadOnly();
        return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }

    /// <summary>A user's resolver that describes only the given types (with the oracle's metadata), so it cannot mask a type ours should describe.</summary>
    private sealed class OnlyTheseTypes(JsonSerializerOptions oracle, IReadOnlyCollection<Type> types) : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
            types.Contains(type) ? ((IJsonTypeInfoResolver)oracle.TypeInfoResolver!).GetTypeInfo(type, options) : null;
    }

    private sealed class Unrelated;

    private sealed class UnrelatedConverter : JsonConverter<Unrelated>
    {
        public override Unrelated Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, Unrelated value, JsonSerializerOptions options) => throw new NotSupportedException();
    }
}
