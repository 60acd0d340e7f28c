using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inngest.Samples.AspNetCore;

/// <summary>The body of <c>POST /signup</c>.</summary>
public sealed record SignupRequest(string? Email, string? Plan);

/// <summary>The answer of <c>POST /signup</c>: the new account and the id Inngest gave its event.</summary>
public sealed record SignupResponse(string AccountId, string EventId);

/// <summary><c>POST /signup</c>: creates the account and tells Inngest, which runs the onboarding functions.</summary>
public static class SignupEndpoint
{
    /// <summary>Handles the request; a plain static method so unit tests can call it with a fake client.</summary>
    public static async Task<Results<Created<SignupResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        SignupRequest request, IInngestClient inngest, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || !request.Email.Contains('@', StringComparison.Ordinal))
        {
            return TypedResults.ValidationProblem(new System.Collections.Generic.Dictionary<string, string[]>
            {
                ["email"] = new[] { "An email address is required." },
            });
        }

        var accountId = Guid.NewGuid().ToString("N");
        var plan = string.IsNullOrWhiteSpace(request.Plan) ? "free" : request.Plan;
        try
        {
            // The id makes a retried signup (or a retried request) start the onboarding only once.
            var result = await inngest.SendAccountCreatedAsync(
                new AccountCreated(accountId, plan),
                user: new InngestUser { ExternalId = accountId, Email = request.Email },
                id: "signup-" + accountId,
                cancellationToken: cancellationToken);
            return TypedResults.Created("/accounts/" + accountId, new SignupResponse(accountId, result.Ids[0]));
        }
        catch (InngestSendException)
        {
            // Already logged by the client (without the key or the user's data).
            return TypedResults.Problem("The account was created, but onboarding could not be started. Try again shortly.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
