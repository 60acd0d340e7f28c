using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inngest.Receiving.Tests;

/// <summary>The docs' ASP.NET Core webhook, on a real Kestrel server: events posted by the real client parse from the request body stream.</summary>
public sealed class WebhookTests
{
    [Fact]
    public async Task A_webhook_parses_the_request_body_and_dispatches_on_the_event()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.MapPost("/webhooks/events", async (HttpRequest request) =>
        {
            try
            {
                var evt = await InngestEvent.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
                return evt switch
                {
                    InngestEvent<AccountCreated> created => Results.Text("created " + created.Data.AccountId + " seats " + created.Data.Seats + " from v " + created.ReceivedVersion),
                    InngestEvent<AccountCreatedV1> older => Results.Text("v1 " + older.Data.AccountId + " on " + older.Data.BillingPlan),
                    JsonInngestEvent unknown => Results.Text("ignored " + unknown.Name, statusCode: 202),
                    _ => Results.Text("other " + evt.Name),
                };
            }
            catch (InngestEventParseException ex)
            {
                return Results.Text(ex.Error + " at " + ex.Path, statusCode: 400);
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1")) };

        // The body a producer's client really sends for one event (captured), posted as the webhook would get it.
        var sent = await WireCapture.SendAsync(InngestEvent.Create(new AccountCreated("acc-1", "pro", 4)));
        var eventJson = sent.BodyJson[0].GetRawText();

        async Task<(HttpStatusCode, string)> PostAsync(string json)
        {
            using var response = await http.PostAsync("/webhooks/events", new StringContent(json, Encoding.UTF8, "application/json"));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal((HttpStatusCode.OK, "created acc-1 seats 4 from v 2024-09-01.1"), await PostAsync(eventJson));
        Assert.Equal((HttpStatusCode.OK, "v1 a1 on pro"), await PostAsync("""{"name":"app/account.created","data":{"accountId":"a1","billingPlan":"pro"},"v":"2024-05-15.1"}"""));
        Assert.Equal((HttpStatusCode.Accepted, "ignored stripe/charge.succeeded"), await PostAsync("""{"name":"stripe/charge.succeeded","data":{}}"""));
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidTimestamp at $.ts"), await PostAsync("""{"name":"app/seat.added","data":{},"ts":"yesterday"}"""));
        await app.StopAsync();
    }
}
