using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Inngest.Extensions.Tests;

public sealed class FakeClientTests
{
    [Fact]
    public async Task Every_helper_is_recorded_and_typed_queries_return_the_payloads()
    {
        using var fake = new FakeInngestClient();
        IInngestClient inngest = fake;

        var one = await inngest.SendAsync(Events.Account("pro"));
        var many = await inngest.SendAsync(new InngestEvent[] { Events.Invoice("inv-1"), Events.Account("free"), InngestEvent.FromJson("app/raw", """{"a":1}""") });
        var typed = await inngest.SendAsync(new UserDeleted("u-1"), user: Events.Taylor, id: "del-u-1");
        var batch = await inngest.SendAsync(new[] { new UserDeleted("u-2"), new UserDeleted("u-3") });

        Assert.Equal(new[] { "pro", "free" }, fake.Sent<AccountCreated>().Select(a => a.BillingPlan));
        Assert.Equal("inv-1", Assert.Single(fake.Sent<InvoicePaid>()).InvoiceId);
        Assert.Equal(new[] { "u-1", "u-2", "u-3" }, fake.Sent<UserDeleted>().Select(u => u.UserId));
        var deleted = fake.SentEventsOf<UserDeleted>()[0];
        Assert.Equal("del-u-1", deleted.Id);
        Assert.Equal("2024-05-15.1", deleted.Version);
        Assert.Equal("taylor@example.com", deleted.User!.Email);
        Assert.Single(fake.SentNamed("app/raw"));
        Assert.Equal(7, fake.SentEvents.Count);
        Assert.Equal(4, fake.Calls.Count);

        var ids = one.Ids.Concat(many.Ids).Concat(typed.Ids).Concat(batch.Ids).ToArray();
        Assert.Equal(7, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(26, id.Length));
        Assert.Equal(many.Ids, fake.Calls[1].Ids);
    }

    [Fact]
    public async Task The_wire_json_is_what_the_real_client_would_send()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        using var fake = new FakeInngestClient(clock);

        await fake.SendAsync(new UserDeleted("u-1"), user: Events.Taylor);

        var json = Assert.Single(Assert.Single(fake.Calls).Json);
        Assert.Equal("app/user.deleted", json.GetProperty("name").GetString());
        Assert.Equal("u-1", json.GetProperty("data").GetProperty("userId").GetString());
        Assert.Equal("645ea000129f1c40109ca7ad", json.GetProperty("user").GetProperty("external_id").GetString());
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), json.GetProperty("ts").GetInt64());
        Assert.Equal("2024-05-15.1", json.GetProperty("v").GetString());
    }

    [Fact]
    public async Task FailNext_fails_that_many_calls_with_a_real_send_exception_then_recovers()
    {
        using var fake = new FakeInngestClient();
        fake.FailNext(2, statusCode: 429, serverError: "rate limited");

        for (var i = 0; i < 2; i++)
        {
            var failure = await Assert.ThrowsAsync<InngestSendException>(() => fake.SendAsync(Events.Account()));
            Assert.Equal(429, failure.StatusCode);
            Assert.Equal("rate limited", failure.ServerError);
            Assert.Equal(1, failure.Attempts);
            Assert.Empty(failure.AcceptedIds);
            Assert.Contains("rate limiting", failure.Message);
        }

        Assert.Empty(fake.Sent<AccountCreated>());
        await fake.SendAsync(Events.Account("third"));
        Assert.Equal("third", Assert.Single(fake.Sent<AccountCreated>()).BillingPlan);
        Assert.Equal(new[] { false, false, true }, fake.Calls.Select(c => c.Succeeded));
        Assert.IsType<InngestSendException>(fake.Calls[0].Exception);
    }

    [Fact]
    public async Task ThrowNext_and_FailWhen_throw_what_they_are_given()
    {
        using var fake = new FakeInngestClient();
        var boom = new TimeoutException("boom");
        fake.ThrowNext(boom);
        Assert.Same(boom, await Assert.ThrowsAsync<TimeoutException>(() => fake.SendAsync(Events.Account())));

        fake.FailWhen = events => events.Any(e => e.Name.StartsWith("billing/", StringComparison.Ordinal)) ? new InvalidOperationException("no billing") : null;
        await fake.SendAsync(Events.Account());
        await Assert.ThrowsAsync<InvalidOperationException>(() => fake.SendAsync(Events.Invoice()));

        Assert.Single(fake.Sent<AccountCreated>());
        Assert.Empty(fake.Sent<InvoicePaid>());
        Assert.Equal(3, fake.Calls.Count);
    }

    [Fact]
    public async Task Invalid_events_fail_as_with_the_real_client()
    {
        using var fake = new FakeInngestClient();

        var failure = await Assert.ThrowsAsync<InngestEventValidationException>(() => fake.SendAsync(new InngestEvent[] { Events.Account(), InngestEvent.FromJson("inngest/function.finished", "{}") }));

        Assert.Equal(1, failure.EventIndex);
        Assert.Empty(fake.SentEvents);
        Assert.False(Assert.Single(fake.Calls).Succeeded);
    }

    [Fact]
    public async Task Cancellation_and_reset()
    {
        using var fake = new FakeInngestClient();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fake.SendAsync(Events.Account(), cancellationToken: cts.Token));
        fake.FailNext(3);
        fake.Reset();

        Assert.Empty(fake.Calls);
        await fake.SendAsync(Events.Account());
        Assert.Single(fake.Sent<AccountCreated>());
    }

    [Fact]
    public async Task Ids_come_from_the_IdFactory()
    {
        using var fake = new FakeInngestClient { IdFactory = n => $"id-{n}" };

        var first = await fake.SendAsync(new InngestEvent[] { Events.Account(), Events.Account() });
        var second = await fake.SendAsync(Events.Invoice());

        Assert.Equal(new[] { "id-1", "id-2" }, first.Ids);
        Assert.Equal(new[] { "id-3" }, second.Ids);
    }
}
