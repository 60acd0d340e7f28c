using System.Threading.Tasks;
using Inngest.Testing;

namespace Inngest.Receiving.Tests;

/// <summary>FakeInngestClient hands what a producer sent back as the events a consumer receives.</summary>
public sealed class FakeClientTests
{
    [Fact]
    public async Task Sent_events_come_back_parsed_from_their_wire_json()
    {
        using var inngest = new FakeInngestClient();
        await inngest.SendSeatAddedAsync(new SeatAdded("a", 2), id: "seat-1");
        await inngest.SendAccountCreatedV1Async(new AccountCreatedV1("acc", "pro"));
        await inngest.SendAsync(InngestEvent.FromJson("stripe/charge.succeeded", """{"amount":5}"""));

        var seat = Assert.Single(inngest.Received<SeatAdded>());
        Assert.Equal(new SeatAdded("a", 2), seat.Data);
        Assert.Equal("seat-1", seat.Id);
        Assert.NotNull(seat.Timestamp); // the ts the client wrote

        // A consumer of the latest version gets the producer's older event upgraded.
        var created = Assert.Single(inngest.Received<AccountCreated>());
        Assert.Equal(new AccountCreated("acc", "pro", 1), created.Data);
        Assert.Equal("2024-05-15.1", created.ReceivedVersion);

        var all = inngest.ReceivedEvents();
        Assert.Collection(all,
            e => Assert.IsType<InngestEvent<SeatAdded>>(e),
            e => Assert.IsType<InngestEvent<AccountCreatedV1>>(e),
            e => Assert.Equal(5, Assert.IsType<JsonInngestEvent>(e).Data.GetProperty("amount").GetInt32()));
    }

    [Fact]
    public async Task Failed_calls_hand_nothing_back()
    {
        using var inngest = new FakeInngestClient();
        inngest.FailNext();
        await Assert.ThrowsAsync<InngestSendException>(() => inngest.SendSeatAddedAsync(new SeatAdded("a", 1)));
        Assert.Empty(inngest.Received<SeatAdded>());
    }
}
