using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Inngest.Extensions.DependencyInjection;
using Inngest.Samples.AspNetCore;
using Inngest.Testing.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Inngest.AspNetCore.Tests;

/// <summary>The whole app in memory (WebApplicationFactory) sending to a real local capture server.</summary>
public sealed class SignupIntegrationTests : IAsyncLifetime
{
    private const string Key = "sample-key-91c2";

    private CaptureServer _server = null!;
    private WebApplicationFactory<Program> _app = null!;

    public async Task InitializeAsync()
    {
        _server = await CaptureServer.StartAsync();
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Inngest:IsDev", "false");
            web.UseSetting("Inngest:EventKey", Key);
            web.UseSetting("Inngest:BaseUrl", _server.BaseUrl.ToString());
            web.UseSetting("Inngest:InitialRetryDelay", "00:00:00.001");
            web.ConfigureTestServices(services => services.Configure<InngestOptions>(o => o.EnvironmentReader = _ => null));
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Signup_sends_AccountCreated_to_Inngest()
    {
        using var http = _app.CreateClient();

        using var response = await http.PostAsJsonAsync("/signup", new { email = "taylor@example.com", plan = "pro" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<SignupResponse>();
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/e/" + Key, request.Path);
        var evt = Assert.Single(request.BodyJson.EnumerateArray());
        Assert.Equal("app/account.created", evt.GetProperty("name").GetString());
        Assert.Equal(body!.AccountId, evt.GetProperty("data").GetProperty("accountId").GetString());
        Assert.Equal("pro", evt.GetProperty("data").GetProperty("billingPlan").GetString());
        Assert.Equal("taylor@example.com", evt.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal("signup-" + body.AccountId, evt.GetProperty("id").GetString());
        Assert.Equal(CaptureServer.IdFor(request.Header("x-inngest-event-id-seed"), 0), body.EventId);
        Assert.Equal("/accounts/" + body.AccountId, response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_transient_failure_is_retried_by_the_client()
    {
        _server.Enqueue(ScriptedResponse.Json(502, """{"error":"bad gateway"}"""));
        using var http = _app.CreateClient();

        using var response = await http.PostAsJsonAsync("/signup", new { email = "taylor@example.com" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(_server.Requests[0].Body, _server.Requests[1].Body);
    }

    [Fact]
    public async Task When_Inngest_rejects_the_key_the_endpoint_answers_503_without_leaking_it()
    {
        _server.Responder = _ => ScriptedResponse.Json(401, """{"error":"Event key not found"}""");
        using var http = _app.CreateClient();

        using var response = await http.PostAsJsonAsync("/signup", new { email = "taylor@example.com" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.DoesNotContain(Key, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_an_email_nothing_is_sent()
    {
        using var http = _app.CreateClient();

        using var response = await http.PostAsJsonAsync("/signup", new { plan = "pro" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_server.Requests);
    }
}
