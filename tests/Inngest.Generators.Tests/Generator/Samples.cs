namespace Inngest.Generators.Tests.Generator;

/// <summary>Representative generator inputs shared by the golden, compile and caching tests.</summary>
internal static class Samples
{
    public const string AccountCreated = """
        using Inngest;

        namespace Sample.Events;

        [InngestEvent("app/account.created", Version = "2024-05-15.1")]
        public sealed partial record AccountCreated(string AccountId, string BillingPlan);
        """;

    public const string Representative = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Text.Json;
        using System.Text.Json.Nodes;
        using System.Text.Json.Serialization;
        using Inngest;

        namespace Sample.Events
        {
            public enum Plan { Free, Pro }

            [JsonConverter(typeof(JsonStringEnumConverter))]
            public enum Region { Eu, Us }

            public sealed record Address(string Street, string? Zip);

            public struct Geo
            {
                public double Lat { get; set; }
                public double Lng { get; set; }
            }

            public sealed class Node
            {
                public string Label { get; set; } = "";
                public List<Node> Children { get; set; } = new();
            }

            [InngestEvent("app/order.placed", Version = "2024-06-01.2", Id = "order-{OrderId}-{Coupon??none}")]
            public sealed partial record OrderPlaced(
                Guid OrderId,
                decimal Total,
                Plan Plan,
                Region? Region,
                DateTimeOffset At,
                IReadOnlyList<string> Skus,
                Dictionary<string, int> Quantities,
                ImmutableArray<Address> Shipping,
                Geo? Where,
                JsonElement Raw,
                JsonObject? Extra,
                Node Tree)
            {
                [JsonPropertyName("note_text")]
                public string? Note { get; init; }

                [JsonIgnore]
                public string Secret { get; set; } = "";

                [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
                public string? Coupon { get; set; }

                public required int Items { get; init; }
            }

            internal static partial class Internal
            {
                [InngestEvent("app/audit.logged", MethodName = "Audit", Id = "audit-{Who}")]
                internal partial struct AuditLoggedEvent
                {
                    public string Who { get; set; }
                    public object? Payload { get; set; }
                }
            }
        }

        [InngestEvent("app/global.thing")]
        public partial class GlobalThing
        {
            public int Count { get; set; }
        }
        """;
}
