using System;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Samples.AspNetCore;
using Inngest.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inngest.AspNetCore.Tests;

/// <summary>The endpoint alone, with the test double in place of the real client.</summary>
public sealed class SignupEndpointTests
{
    [Fact]
    public async Task Signup_sends_one_AccountCreated_with_the_user_and_an_idempotency_id()
    {
        using var inngest = new FakeInngestClient();

        var result = await SignupEndpoint.HandleAsync(new SignupRequest("taylor@example.com", "pro"), inngest, CancellationToken.None);

        var created = Assert.IsType<Created<SignupResponse>>(result.Result);
        var account = Assert.Single(inngest.Sent<AccountCreated>());
        Assert.Equal(created.Value!.AccountId, account.AccountId);
        Assert.Equal("pro", account.BillingPlan);
        var evt = Assert.Single(inngest.SentEventsOf<AccountCreated>());
        Assert.Equal("taylor@example.com", evt.User!.Email);
        Assert.Equal("signup-" + account.AccountId, evt.Id);
        Assert.Equal(inngest.Calls[0].Ids![0], created.Value.EventId);
    }

    [Fact]
    public async Task The_plan_defaults_to_free()
    {
        using var inngest = new FakeInngestClient();

        await SignupEndpoint.HandleAsync(new SignupRequest("taylor@example.com", null), inngest, CancellationToken.None);

        Assert.Equal("free", Assert.Single(inngest.Sent<AccountCreated>()).BillingPlan);
    }

    [Fact]
    public async Task An_Inngest_outage_becomes_a_503()
    {
        using var inngest = new FakeInngestClient();
        inngest.FailNext(statusCode: 500);

        var result = await SignupEndpoint.HandleAsync(new SignupRequest("taylor@example.com", "pro"), inngest, CancellationToken.None);

        var problem = Assert.IsType<ProblemHttpResult>(result.Result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.StatusCode);
        Assert.Empty(inngest.Sent<AccountCreated>());
    }

    [Fact]
    public async Task An_invalid_email_sends_nothing()
    {
        using var inngest = new FakeInngestClient();

        var result = await SignupEndpoint.HandleAsync(new SignupRequest("not-an-email", "pro"), inngest, CancellationToken.None);

        Assert.IsType<ValidationProblem>(result.Result);
        Assert.Empty(inngest.Calls);
    }
}
