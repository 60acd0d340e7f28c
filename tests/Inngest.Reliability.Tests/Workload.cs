using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inngest.Reliability.Tests;

public sealed record OrderLine(string Sku, int Quantity, string Note);

public sealed record OrderPlaced(
    string K,
    long Number,
    string Customer,
    decimal Total,
    double Ratio,
    IReadOnlyList<OrderLine> Lines,
    Dictionary<string, string>? Tags,
    DateTimeOffset PlacedAt);

public sealed record Deep(string K, Deep? Child);

public sealed record Measurement(string K, double Value, float Ratio);

public sealed record Note(string K, string Text);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(OrderPlaced))]
[JsonSerializable(typeof(Deep))]
[JsonSerializable(typeof(Measurement))]
[JsonSerializable(typeof(Note))]
[JsonSerializable(typeof(int[]))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
internal sealed partial class ReliabilityJson : JsonSerializerContext
{
}

/// <summary>One send call of a run: its events, the <c>k</c> that identifies each, and the env header that names the call.</summary>
public sealed record PlannedCall(int Index, string Env, bool Chunked, IReadOnlyList<InngestEvent> Events, IReadOnlyList<string> Keys);

/// <summary>Builds reproducible workloads from a seed: single events, batches and chunked batches with varied payloads.</summary>
public static class Workload
{
    private static readonly string[] Words =
    {
        "signup", "checkout", "Grüße", "日本語のテキスト", "emoji 🚀🎉", "quote \" and \\ backslash", "tab\tnew\nline", "Ωmega",
        "zero-width\u200Bjoiner", "combining e\u0301", "<script>alert(1)</script>", "&amp;", "\u0001control", "right-to-left \u202E",
    };

    /// <summary>
    /// Plans calls until <paramref name="targetEvents"/> events: a single event in 40% of calls, a batch of 2-40 in 45%,
    /// and (when <paramref name="chunkedShare"/> is set) a batch of 20-120 sent through a client that splits it into requests.
    /// </summary>
    public static List<PlannedCall> Plan(int seed, string runId, int targetEvents, double chunkedShare, int maxBatch = 40)
    {
        var random = new Random(seed);
        var calls = new List<PlannedCall>();
        var total = 0;
        while (total < targetEvents)
        {
            var roll = random.NextDouble();
            var chunked = roll < chunkedShare;
            var size = chunked ? random.Next(20, 121) : roll < chunkedShare + 0.4 ? 1 : random.Next(2, maxBatch + 1);
            size = Math.Min(size, targetEvents - total);
            var events = new List<InngestEvent>(size);
            var keys = new List<string>(size);
            for (var i = 0; i < size; i++)
            {
                var key = $"{runId}-{total + i}";
                keys.Add(key);
                events.Add(MakeEvent(random, key));
            }

            calls.Add(new PlannedCall(calls.Count, $"{runId}-call-{calls.Count}", chunked, events, keys));
            total += size;
        }

        return calls;
    }

    public static InngestEvent MakeEvent(Random random, string key)
    {
        var name = "app/" + (random.Next(4) switch { 0 => "order.placed", 1 => "account.created", 2 => "invoice.paid", _ => "user.signed-up" });
        var user = random.Next(5) == 0 ? new InngestUser { ExternalId = "u-" + random.Next(1000), Email = "x@example.com" } : null;
        var id = random.Next(4) == 0 ? "idem-" + key : null;
        DateTimeOffset? ts = random.Next(3) == 0 ? DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000 + random.Next()) : null;
        var version = random.Next(3) == 0 ? "2024-05-15." + random.Next(1, 9) : null;
        switch (random.Next(3))
        {
            case 0:
            {
                var lines = Enumerable.Range(0, random.Next(0, 6))
                    .Select(i => new OrderLine("SKU-" + random.Next(100000), random.Next(1, 10), Words[random.Next(Words.Length)]))
                    .ToArray();
                Dictionary<string, string>? tags = random.Next(2) == 0 ? null : new Dictionary<string, string>
                {
                    ["channel"] = Words[random.Next(Words.Length)],
                    ["ref"] = random.Next().ToString(CultureInfo.InvariantCulture),
                };
                var data = new OrderPlaced(key, random.NextInt64(), Words[random.Next(Words.Length)], random.Next(0, 1_000_000) / 100m,
                    random.NextDouble() * 1e6 - 5e5, lines, tags, DateTimeOffset.FromUnixTimeSeconds(1_600_000_000 + random.Next()));
                return new InngestEvent<OrderPlaced>(name, data, ReliabilityJson.Default.OrderPlaced) { User = user, Id = id, Timestamp = ts, Version = version };
            }

            case 1:
            {
                var text = new StringBuilder();
                for (var i = random.Next(1, 30); i > 0; i--)
                {
                    text.Append(Words[random.Next(Words.Length)]).Append(' ');
                }

                return new InngestEvent<Note>(name, new Note(key, text.ToString()), ReliabilityJson.Default.Note) { User = user, Id = id, Timestamp = ts, Version = version };
            }

            default:
            {
                var json = new StringBuilder("{\"k\":").Append(JsonSerializer.Serialize(key, ReliabilityJson.Default.String));
                json.Append(",\"n\":").Append(random.Next().ToString(CultureInfo.InvariantCulture));
                json.Append(",\"nested\":{\"list\":[1,2.5,-3e10,true,false,null,\"x\"],\"s\":")
                    .Append(JsonSerializer.Serialize(Words[random.Next(Words.Length)], ReliabilityJson.Default.String)).Append("}}");
                if (user is null && id is null && ts is null && version is null)
                {
                    return InngestEvent.FromJson(name, json.ToString());
                }

                using var document = JsonDocument.Parse(json.ToString());
                return new InngestEvent<JsonElement>(name, document.RootElement.Clone(), JsonElementContext.Default.JsonElement)
                {
                    User = user, Id = id, Timestamp = ts, Version = version,
                };
            }
        }
    }
}

[JsonSerializable(typeof(JsonElement))]
internal sealed partial class JsonElementContext : JsonSerializerContext
{
}
