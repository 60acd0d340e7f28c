using System;
using System.Linq;

namespace Inngest.Receiving.Tests;

/// <summary>Dispatch on name and v, upgrades along a chain, the rule for a missing v, and unknown names and versions.</summary>
public sealed class VersionTests
{
    private const string V0 = """{"name":"app/account.created","data":{"accountId":"a0"},"ts":1715776200000}""";
    private const string V1 = """{"name":"app/account.created","data":{"accountId":"a1","billingPlan":"pro"},"v":"2024-05-15.1"}""";
    private const string V2 = """{"name":"app/account.created","data":{"accountId":"a2","billingPlan":"team","seats":5},"v":"2024-09-01.1"}""";

    [Fact]
    public void Untyped_parse_dispatches_each_version_to_its_record()
    {
        Assert.Equal(new AccountCreatedV0("a0"), Assert.IsType<InngestEvent<AccountCreatedV0>>(InngestEvent.Parse(V0)).Data);
        Assert.Equal(new AccountCreatedV1("a1", "pro"), Assert.IsType<InngestEvent<AccountCreatedV1>>(InngestEvent.Parse(V1)).Data);
        Assert.Equal(new AccountCreated("a2", "team", 5), Assert.IsType<InngestEvent<AccountCreated>>(InngestEvent.Parse(V2)).Data);
    }

    [Fact]
    public void Pattern_matching_and_switch_work_on_the_result()
    {
        var described = InngestEvent.ParseBatch("[" + V0 + "," + V2 + """,{"name":"app/seat.added","data":{"accountId":"s","count":2}}]""")
            .Select(evt => evt switch
            {
                InngestEvent<AccountCreated> { Data: var created } => "latest " + created.Seats,
                InngestEvent<AccountCreatedV0> { Data.AccountId: var id } => "v0 " + id,
                InngestEvent<SeatAdded> seat => "seat " + seat.Data.Count,
                _ => "other",
            });
        Assert.Equal(new[] { "v0 a0", "latest 5", "seat 2" }, described);
        Assert.True(InngestEvent.Parse(V2) is InngestEvent<AccountCreated> { Data: { BillingPlan: "team" } });
    }

    [Fact]
    public void Parse_of_the_latest_upgrades_every_earlier_version_and_keeps_the_received_v()
    {
        var fromV1 = InngestEvent.Parse<AccountCreated>(V1);
        Assert.Equal(new AccountCreated("a1", "pro", 1), fromV1.Data);
        Assert.True(fromV1.IsUpgraded);
        Assert.Equal("2024-05-15.1", fromV1.ReceivedVersion);
        Assert.Equal("2024-09-01.1", fromV1.Version);

        // Two steps: V0 (no v) -> V1 -> latest.
        var fromV0 = InngestEvent.Parse<AccountCreated>(V0);
        Assert.Equal(new AccountCreated("a0", "free", 1), fromV0.Data);
        Assert.True(fromV0.IsUpgraded);
        Assert.Null(fromV0.ReceivedVersion);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1715776200000), fromV0.Timestamp);

        var same = InngestEvent.Parse<AccountCreated>(V2);
        Assert.False(same.IsUpgraded);
        Assert.Equal("2024-09-01.1", same.ReceivedVersion);
    }

    [Fact]
    public void An_upgraded_event_is_sent_again_as_the_latest_version()
    {
        var upgraded = InngestEvent.Parse<AccountCreated>(V1);
        var request = WireCapture.Send(upgraded);
        var json = request.BodyJson[0];
        Assert.Equal("2024-09-01.1", json.GetProperty("v").GetString());
        Assert.Equal(1, json.GetProperty("data").GetProperty("seats").GetInt32());
    }

    [Fact]
    public void Parse_of_an_older_record_cannot_read_a_newer_version()
    {
        var ex = Assert.Throws<InngestEventParseException>(() => InngestEvent.Parse<AccountCreatedV1>(V2));
        Assert.Equal(InngestEventParseError.UnknownVersion, ex.Error);
        Assert.Equal("$.v", ex.Path);
        Assert.Contains("'app/account.created'", ex.Message);
        Assert.Contains("2024-09-01.1", ex.Message);
    }

    [Fact]
    public void An_unknown_version_is_an_error_typed_and_an_untyped_event_untyped()
    {
        const string future = """{"name":"app/account.created","data":{"accountId":"f","x":1},"v":"2030-01-01.1","id":"e9"}""";
        Assert.Equal(InngestEventParseError.UnknownVersion, Assert.Throws<InngestEventParseException>(() => InngestEvent.Parse<AccountCreated>(future)).Error);

        var untyped = Assert.IsType<JsonInngestEvent>(InngestEvent.Parse(future));
        Assert.Equal("app/account.created", untyped.Name);
        Assert.Equal("2030-01-01.1", untyped.Version);
        Assert.Equal("e9", untyped.Id);
        Assert.Equal("""{"accountId":"f","x":1}""", untyped.Data.GetRawText());
    }

    [Fact]
    public void An_unknown_name_comes_back_untyped_with_its_raw_data_never_as_an_exception()
    {
        var evt = InngestEvent.Parse("""{"name":"stripe/charge.succeeded","data":{"amount":1200,"nested":{"a":[1,2]}},"ts":1715776200000,"user":{"email":"e@example.com"}}""");
        var raw = Assert.IsType<JsonInngestEvent>(evt);
        Assert.Equal("stripe/charge.succeeded", raw.Name);
        Assert.Equal(1200, raw.Data.GetProperty("amount").GetInt32());
        Assert.Equal("e@example.com", raw.User!.Email);
        Assert.True(InngestEvent.TryParse("""{"name":"x/y","data":null}""", out var empty));
        Assert.Equal("{}", Assert.IsType<JsonInngestEvent>(empty).Data.GetRawText());
    }

    [Fact]
    public void Without_v_and_without_an_unversioned_record_the_first_version_of_the_chain_reads_it()
    {
        const string noV = """{"name":"app/order.placed","data":{"orderId":"o1","total":12.5}}""";
        var untyped = Assert.IsType<InngestEvent<OrderPlacedV1>>(InngestEvent.Parse(noV));
        Assert.Equal(new OrderPlacedV1("o1", 12.5m), untyped.Data);

        var latest = InngestEvent.Parse<OrderPlaced>(noV);
        Assert.Equal(new OrderPlaced("o1", 12.5m, "USD"), latest.Data);
        Assert.True(latest.IsUpgraded);

        // The only record of its name, with a Version: an event without v is read with it.
        Assert.Equal("x@example.com", InngestEvent.Parse<SignupStarted>("""{"name":"app/signup.started","data":{"email":"x@example.com"}}""").Data.Email);
    }

    [Fact]
    public void Versions_compare_exactly_so_counter_10_is_not_counter_9()
    {
        var v9 = InngestEvent.Parse("""{"name":"app/order.placed","data":{"orderId":"o","total":1},"v":"2024-01-01.9"}""");
        var v10 = InngestEvent.Parse("""{"name":"app/order.placed","data":{"orderId":"o","total":1,"currency":"EUR"},"v":"2024-01-01.10"}""");
        Assert.IsType<InngestEvent<OrderPlacedV1>>(v9);
        Assert.Equal("EUR", Assert.IsType<InngestEvent<OrderPlaced>>(v10).Data.Currency);
    }

    [Fact]
    public void An_upgrade_that_throws_fails_the_parse_with_the_upgrade_named()
    {
        var ex = Assert.Throws<InngestEventParseException>(() => InngestEvent.Parse<OrderPlaced>("""{"name":"app/order.placed","data":{"orderId":"o","total":-1},"v":"2024-01-01.9"}"""));
        Assert.Equal(InngestEventParseError.UpgradeFailed, ex.Error);
        Assert.Contains("OrderPlaced.UpgradeFrom(OrderPlacedV1)", ex.Message);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
    }

    [Fact]
    public void Bad_data_of_an_earlier_version_has_the_earlier_record_and_path_in_the_error()
    {
        var ex = Assert.Throws<InngestEventParseException>(() => InngestEvent.Parse<AccountCreated>("""{"name":"app/account.created","data":{"accountId":"a","billingPlan":5},"v":"2024-05-15.1"}"""));
        Assert.Equal(InngestEventParseError.InvalidData, ex.Error);
        Assert.Equal("$.data.billingPlan", ex.Path);
        Assert.Contains("AccountCreatedV1", ex.Message);
    }

    [Fact]
    public void The_default_registry_holds_every_event_type_of_the_assembly()
    {
        foreach (var type in new[] { typeof(AccountCreatedV0), typeof(AccountCreatedV1), typeof(AccountCreated), typeof(OrderPlacedV1), typeof(OrderPlaced), typeof(FunctionFailed), typeof(Inngest.Generators.Tests.Corpus.Numbers) })
        {
            Assert.Contains(type, InngestEventRegistry.Default.Types);
        }

        Assert.True(InngestEventRegistry.Default.Contains("app/account.created", null));
        Assert.True(InngestEventRegistry.Default.Contains("app/account.created", "2024-09-01.1"));
        Assert.False(InngestEventRegistry.Default.Contains("app/account.created", "2030-01-01.1"));
    }

    [Fact]
    public void An_explicit_registry_dispatches_only_to_its_types()
    {
        var registry = new InngestEventRegistry().Add<SeatAdded>().Add<SeatAdded>();
        var options = new InngestParseOptions { Registry = registry };
        Assert.Single(registry.Types);
        Assert.IsType<InngestEvent<SeatAdded>>(InngestEvent.Parse("""{"name":"app/seat.added","data":{"accountId":"a","count":1}}""", options));
        Assert.IsType<JsonInngestEvent>(InngestEvent.Parse(V2, options));

    }
}
