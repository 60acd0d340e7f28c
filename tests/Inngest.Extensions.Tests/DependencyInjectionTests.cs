using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Extensions.DependencyInjection;
using Inngest.Testing.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inngest.Extensions.Tests;

public sealed class DependencyInjectionTests : IAsyncLifetime
{
    private CaptureServer _server = null!;

    public async Task InitializeAsync() => _server = await CaptureServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_client_comes_from_the_container_configured_by_the_Inngest_section()
    {
        using var host = await Hosts.StartAsync(Hosts.Config(_server, ("Inngest:Env", "feature/signup")));
        var inngest = host.Services.GetRequiredService<IInngestClient>();

        var result = await inngest.SendAsync(Events.Account());

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/e/" + Events.Key, request.Path);
        Assert.Equal("feature/signup", request.Header("x-inngest-env"));
        Assert.Equal(CaptureServer.IdFor(request.Header("x-inngest-event-id-seed"), 0), Assert.Single(result.Ids));
        Assert.Equal("app/account.created", request.BodyJson[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Unset_settings_still_fall_back_to_the_INNGEST_environment_variables()
    {
        var config = Hosts.Config(_server);
        config.Remove("Inngest:EventKey");
        config.Remove("Inngest:BaseUrl");
        var environment = new Dictionary<string, string>
        {
            ["INNGEST_EVENT_KEY"] = "key-from-env",
            ["INNGEST_BASE_URL"] = _server.BaseUrl.ToString(),
            ["INNGEST_ENV"] = "env-branch",
        };
        using var host = await Hosts.StartAsync(config, environment: environment);

        await host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account());

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/e/key-from-env", request.Path);
        Assert.Equal("env-branch", request.Header("x-inngest-env"));
    }

    [Fact]
    public async Task Code_overrides_the_configuration_section_which_overrides_the_environment()
    {
        var environment = new Dictionary<string, string> { ["INNGEST_EVENT_KEY"] = "key-from-env", ["INNGEST_ENV"] = "env-branch" };
        using var host = await Hosts.StartAsync(Hosts.Config(_server, ("Inngest:Env", "config-branch")), configure: o => o.EventKey = "key-from-code", environment: environment);

        await host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account());

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/e/key-from-code", request.Path);
        Assert.Equal("config-branch", request.Header("x-inngest-env"));
    }

    [Fact]
    public async Task Retry_settings_and_limits_are_bound_from_configuration()
    {
        using var host = await Hosts.StartAsync(Hosts.Config(_server, ("Inngest:MaxAttempts", "2"), ("Inngest:MaxEventsPerRequest", "2")));
        var inngest = host.Services.GetRequiredService<IInngestClient>();

        await inngest.SendAsync(new InngestEvent[] { Events.Account(), Events.Account(), Events.Invoice() });
        Assert.Equal(new[] { 2, 1 }, _server.Requests.Select(r => r.EventCount));

        _server.Clear();
        _server.Responder = _ => ScriptedResponse.Json(503, """{"error":"busy"}""");
        var failure = await Assert.ThrowsAsync<InngestSendException>(() => inngest.SendAsync(Events.Account()));
        Assert.Equal(2, failure.Attempts);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task The_HttpClient_comes_from_IHttpClientFactory_so_its_pipeline_can_be_extended()
    {
        var seen = new List<string>();
        using var host = await Hosts.StartAsync(Hosts.Config(_server), http: b => b.AddHttpMessageHandler(() => new RecordingHandler(seen)));

        await host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account());
        await host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Invoice());

        Assert.Equal(2, seen.Count);
        Assert.All(seen, target => Assert.StartsWith(_server.BaseUrl + "e/", target));
    }

    [Fact]
    public async Task The_client_sends_through_the_factory_s_handler_and_through_an_HttpClient_only_when_the_application_configures_one()
    {
        // Nothing set on the HttpClient: the factory's handler pipeline, called without an HttpClient around it.
        var direct = await SendThroughAsync(http: null, services: null);
        Assert.Equal(0, direct.Handler.ThroughHttpClient);
        Assert.Null(direct.Request.Header("X-App"));

        // Whatever the application sets on the HttpClient applies, so the client then sends through one.
        var configured = await SendThroughAsync(http: b => b.ConfigureHttpClient(c => c.DefaultRequestHeaders.Add("X-App", "builder")), services: null);
        Assert.Equal(1, configured.Handler.ThroughHttpClient);
        Assert.Equal("builder", configured.Request.Header("X-App"));

        var defaults = await SendThroughAsync(http: null, services: s => s.ConfigureHttpClientDefaults(d => d.ConfigureHttpClient(c => c.DefaultRequestHeaders.Add("X-App", "defaults"))));
        Assert.Equal(1, defaults.Handler.ThroughHttpClient);
        Assert.Equal("defaults", defaults.Request.Header("X-App"));

        var named = await SendThroughAsync(http: null, services: s => s.AddHttpClient(InngestServiceCollectionExtensions.HttpClientName, c => c.DefaultRequestHeaders.Add("X-App", "named")));
        Assert.Equal(1, named.Handler.ThroughHttpClient);
        Assert.Equal("named", named.Request.Header("X-App"));
    }

    private async Task<(HttpClientDetectingHandler Handler, CapturedRequest Request)> SendThroughAsync(Action<IHttpClientBuilder>? http, Action<IServiceCollection>? services)
    {
        var handler = new HttpClientDetectingHandler();
        var before = _server.Requests.Count;
        using var host = await Hosts.StartAsync(Hosts.Config(_server), http: b =>
        {
            b.ConfigurePrimaryHttpMessageHandler(() => handler);
            http?.Invoke(b);
        }, services: services);

        await host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account());

        Assert.Equal(before + 1, _server.Requests.Count);
        Assert.Equal(1, handler.Calls);
        return (handler, _server.Requests[^1]);
    }

    [Fact]
    public async Task A_configuration_section_can_be_given_explicitly()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:Inngest:EventKey"] = "key-from-custom-section",
            ["Messaging:Inngest:BaseUrl"] = _server.BaseUrl.ToString(),
            ["Inngest:EventKey"] = "not-this-one",
        });
        builder.Services.AddInngest(builder.Configuration.GetSection("Messaging:Inngest"), o => o.EnvironmentReader = _ => null);
        using var host = builder.Build();
        await host.StartAsync();

        await host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account());

        Assert.Equal("/e/key-from-custom-section", Assert.Single(_server.Requests).Path);
    }

    [Fact]
    public async Task Dev_mode_needs_no_key()
    {
        var config = new Dictionary<string, string?> { ["Inngest:IsDev"] = "true", ["Inngest:BaseUrl"] = _server.BaseUrl.ToString() };
        using var host = await Hosts.StartAsync(config);

        await host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account());

        Assert.Equal("/e/NO_EVENT_KEY_SET", Assert.Single(_server.Requests).Path);
    }

    [Theory]
    [InlineData("Inngest:MaxAttempts", "0", "Inngest:MaxAttempts is 0; set it to 1 or more")]
    [InlineData("Inngest:MaxAttempts", "many", "Inngest:MaxAttempts is 'many'; set it to a whole number")]
    [InlineData("Inngest:IsDev", "yes", "Inngest:IsDev is 'yes'; set it to true or false")]
    [InlineData("Inngest:AttemptTimeout", "30s", "Inngest:AttemptTimeout is '30s'; set it to a time span")]
    [InlineData("Inngest:BaseUrl", "inn.gs", "Inngest:BaseUrl is not an absolute http or https URL")]
    [InlineData("Inngest:MaxEventsPerRequest", "9000", "Inngest:MaxEventsPerRequest is 9000; set it between 1 and 5000")]
    [InlineData("Inngest:MaxRequestBytes", "100", "Inngest:MaxRequestBytes is 100; set it to your plan's request size limit")]
    [InlineData("Inngest:BaseUrl", "https://inn.gs/e/secret-key-5f3a", "Inngest:BaseUrl holds the Event API path /e/<key>")]
    [InlineData("Inngest:BaseUrl", "http://inngest.internal:8288/", "Inngest:AllowInsecureHttp to true")]
    public async Task Bad_settings_fail_the_start_with_a_message_that_says_what_to_set(string key, string value, string expected)
    {
        using var host = Hosts.Build(Hosts.Config(_server, (key, value)));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, failure.Message);
        Assert.DoesNotContain(Events.Key, failure.Message);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_missing_key_in_cloud_mode_fails_the_start_unless_allowed()
    {
        var config = Hosts.Config(_server);
        config.Remove("Inngest:EventKey");
        using var strict = Hosts.Build(config);
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => strict.StartAsync());
        Assert.Contains("Inngest:EventKey", failure.Message);
        Assert.Contains("INNGEST_EVENT_KEY", failure.Message);

        config["Inngest:RequireEventKey"] = "false";
        using var lenient = await Hosts.StartAsync(config);
        var send = await Assert.ThrowsAsync<InngestConfigurationException>(() => lenient.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account()));
        Assert.Contains("no Inngest event key is configured", send.Message);
    }

    [Fact]
    public void The_options_never_show_the_key()
    {
        using var host = Hosts.Build(Hosts.Config(_server));
        var options = host.Services.GetRequiredService<IOptions<InngestOptions>>().Value;

        Assert.Equal(Events.Key, options.EventKey);
        Assert.DoesNotContain(Events.Key, options.ToString());
        Assert.DoesNotContain(Events.Key, host.Services.GetRequiredService<IInngestClient>().ToString());
    }

    [Fact]
    public async Task Adding_twice_keeps_one_client_and_applies_both_configurations()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(Hosts.Config(_server));
        builder.Services.AddInngest(o => o.EnvironmentReader = _ => null);
        builder.Services.AddInngest(o => o.Env = "second-call");
        using var host = builder.Build();
        await host.StartAsync();

        Assert.Single(host.Services.GetServices<IInngestClient>());
        await host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account());
        Assert.Equal("second-call", Assert.Single(_server.Requests).Header("x-inngest-env"));
    }

    [Fact]
    public async Task Works_in_a_plain_ServiceCollection_without_configuration()
    {
        var services = new ServiceCollection();
        services.AddInngest(o =>
        {
            o.EventKey = "plain-key";
            o.BaseUrl = _server.BaseUrl.ToString();
            o.EnvironmentReader = _ => null;
        });
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        await provider.GetRequiredService<IInngestClient>().SendAsync(Events.Account());

        Assert.Equal("/e/plain-key", Assert.Single(_server.Requests).Path);
    }

    [Fact]
    public async Task Clients_resolved_after_a_configuration_reload_use_the_new_settings()
    {
        using var host = await Hosts.StartAsync(Hosts.Config(_server, ("Inngest:Env", "before")));
        var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();
        await host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account());

        configuration["Inngest:Env"] = "after";
        configuration.Reload();
        await host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account());

        Assert.Equal(new[] { "before", "after" }, _server.Requests.Select(r => r.Header("x-inngest-env")));
    }

    private sealed class RecordingHandler : DelegatingHandler
    {
        private readonly List<string> _seen;

        public RecordingHandler(List<string> seen)
        {
            _seen = seen;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_seen)
            {
                _seen.Add(request.RequestUri!.ToString());
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
