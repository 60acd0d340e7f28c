using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Receiving.Tests;

/// <summary>
/// Cross-language: events the official <c>inngest</c> npm SDK sends (<c>eventType(...).create(...)</c> and plain
/// <c>inngest.send</c>), captured on the capture server over real HTTP, parse into the matching records.
/// </summary>
public sealed class NodeSdkTests
{
    private const string ExpectedSdkVersion = "4.24.0";

    private static readonly NodeDriver Driver = new(FindDirectory(), "inngest", "the receiving tests");

    private static async Task<IReadOnlyList<CapturedRequest>> ProduceAsync(params JsonObject[] sends)
    {
        await using var server = await CaptureServer.StartAsync();
        var input = new JsonObject
        {
            ["baseUrl"] = server.BaseUrl.ToString(),
            ["eventKey"] = "node-key",
            ["sends"] = new JsonArray(sends.Select(s => (JsonNode)s).ToArray()),
        };
        var result = await Driver.RunAsync("produce.mjs", input);
        Assert.Equal(ExpectedSdkVersion, result["sdkVersion"]!.GetValue<string>());
        Assert.True(result["ok"]!.GetValue<bool>(), result.ToJsonString());
        return server.Requests;
    }

    [Fact]
    public async Task EventType_create_with_a_version_and_every_option_parses_into_the_record()
    {
        var requests = await ProduceAsync(new JsonObject
        {
            ["eventType"] = new JsonObject { ["name"] = "app/account.created", ["version"] = "2024-09-01.1" },
            ["data"] = new JsonObject { ["accountId"] = "645e9f6794e10937e9bdc201", ["billingPlan"] = "pro", ["seats"] = 3 },
            ["options"] = new JsonObject { ["id"] = "signup-645e", ["ts"] = 1715776200123L },
        });

        var evt = Assert.Single(InngestEvent.ParseBatch<AccountCreated>(Assert.Single(requests).Body));
        Assert.Equal(new AccountCreated("645e9f6794e10937e9bdc201", "pro", 3), evt.Data);
        Assert.Equal("signup-645e", evt.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1715776200123), evt.Timestamp);
        Assert.Equal("2024-09-01.1", evt.ReceivedVersion);
        Assert.False(evt.IsUpgraded);
    }

    [Fact]
    public async Task EventType_create_of_an_older_version_is_upgraded_and_dispatched()
    {
        var requests = await ProduceAsync(
            new JsonObject
            {
                ["eventType"] = new JsonObject { ["name"] = "app/account.created", ["version"] = "2024-05-15.1" },
                ["data"] = new JsonObject { ["accountId"] = "a1", ["billingPlan"] = "team" },
            },
            new JsonObject
            {
                ["eventType"] = new JsonObject { ["name"] = "app/account.created" },
                ["data"] = new JsonObject { ["accountId"] = "a0" },
            });

        Assert.Equal(2, requests.Count);
        var v1 = Assert.Single(InngestEvent.ParseBatch<AccountCreated>(requests[0].Body));
        Assert.Equal(new AccountCreated("a1", "team", 1), v1.Data);
        Assert.True(v1.IsUpgraded);
        var v0 = Assert.IsType<InngestEvent<AccountCreatedV0>>(Assert.Single(InngestEvent.ParseBatch(requests[1].Body)));
        Assert.Equal("a0", v0.Data.AccountId);
        Assert.NotNull(v0.Timestamp); // the SDK fills ts with the send time
    }

    [Fact]
    public async Task Inngest_send_with_every_optional_field_absent_parses()
    {
        var requests = await ProduceAsync(
            new JsonObject { ["payload"] = new JsonObject { ["name"] = "app/signup.started", ["data"] = new JsonObject { ["email"] = "ada@example.com" } } },
            new JsonObject { ["payload"] = new JsonObject { ["name"] = "app/seat.added" } },
            new JsonObject { ["eventType"] = new JsonObject { ["name"] = "app/seat.added" } });

        var signup = Assert.Single(InngestEvent.ParseBatch<SignupStarted>(requests[0].Body));
        Assert.Equal(new SignupStarted("ada@example.com"), signup.Data);
        Assert.Null(signup.Id);
        Assert.Null(signup.User);
        Assert.Null(signup.ReceivedVersion);
        Assert.Equal(new SeatAdded(null!, 0), Assert.Single(InngestEvent.ParseBatch<SeatAdded>(requests[1].Body)).Data);
        Assert.Equal(new SeatAdded(null!, 0), Assert.Single(InngestEvent.ParseBatch<SeatAdded>(requests[2].Body)).Data);
    }

    [Fact]
    public async Task Inngest_send_of_a_batch_with_user_and_unknown_events_parses_each()
    {
        var requests = await ProduceAsync(new JsonObject
        {
            ["payload"] = new JsonArray(
                new JsonObject
                {
                    ["name"] = "app/payment.received",
                    ["data"] = new JsonObject { ["paymentId"] = "p1", ["amount"] = 12.5, ["details"] = new JsonObject { ["method"] = "card", ["installments"] = 3 } },
                    ["user"] = new JsonObject { ["external_id"] = "u1", ["email"] = "u1@example.com" },
                    ["v"] = "",
                },
                new JsonObject { ["name"] = "stripe/charge.succeeded", ["data"] = new JsonObject { ["amount"] = 1200 } },
                new JsonObject { ["name"] = "app/order.placed", ["data"] = new JsonObject { ["orderId"] = "o1", ["total"] = 9.99 }, ["v"] = "2024-01-01.9" }),
        });

        var events = InngestEvent.ParseBatch(Assert.Single(requests).Body);
        var payment = Assert.IsType<InngestEvent<PaymentReceived>>(events[0]);
        Assert.Equal(12.5m, payment.Data.Amount);
        Assert.Equal(new PaymentDetails("card", 3), payment.Data.Details);
        Assert.Equal("u1", payment.User!.ExternalId);
        Assert.Equal(1200, Assert.IsType<JsonInngestEvent>(events[1]).Data.GetProperty("amount").GetInt32());
        Assert.IsType<InngestEvent<OrderPlacedV1>>(events[2]);
        Assert.Equal("USD", InngestEvent.ParseBatch<OrderPlaced>(System.Text.Encoding.UTF8.GetBytes("[" + requests[0].BodyJson[2].GetRawText() + "]"))[0].Data.Currency);
    }

    private static string FindDirectory()
    {
        var configured = typeof(NodeSdkTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ReceivingNodeDirectory")?.Value;
        if (configured is not null && File.Exists(Path.Combine(configured, "produce.mjs")))
        {
            return configured;
        }

        throw new InvalidOperationException($"The Node driver folder was not found (looked in '{configured}'); it is tests/Inngest.Receiving.Tests/node.");
    }
}
