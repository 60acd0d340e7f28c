using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Runtime.Tests;

/// <summary>event-api.md section 3: event key, mode, base URL and branch environment, with their precedence.</summary>
public sealed class ConfigurationTests : IAsyncLifetime
{
    private CaptureServer _server = null!;

    public async Task InitializeAsync() => _server = await CaptureServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static InngestClient Client(InngestClientOptions options) => new(options);

    private static InngestClientOptions Bare(Dictionary<string, string> env) => new() { EnvironmentReader = Wire.Env(env) };

    private async Task<CapturedRequest> SendAsync(InngestClientOptions options, InngestSendOptions? sendOptions = null)
    {
        using var client = Client(options);
        await client.SendAsync(Wire.Account(), sendOptions);
        return _server.Requests[^1];
    }

    // ---- event key ----

    [Fact]
    public async Task Key_option_wins_over_INNGEST_EVENT_KEY()
    {
        var options = Bare(new() { ["INNGEST_EVENT_KEY"] = "env-key" });
        options.EventKey = "option-key";
        options.BaseUrl = _server.BaseUrl.ToString();

        Assert.Equal("/e/option-key", (await SendAsync(options)).Path);
    }

    [Fact]
    public async Task Key_comes_from_INNGEST_EVENT_KEY_and_base_url_from_INNGEST_BASE_URL()
    {
        var options = Bare(new() { ["INNGEST_EVENT_KEY"] = "env-key-456", ["INNGEST_BASE_URL"] = _server.BaseUrl.ToString() });
        using var client = Client(options);

        Assert.False(client.IsDev);
        Assert.Equal("/e/env-key-456", (await SendAsync(options)).Path);
    }

    [Fact]
    public async Task Dev_mode_without_a_key_sends_NO_EVENT_KEY_SET()
    {
        var options = Bare(new());
        options.IsDev = true;
        options.BaseUrl = _server.BaseUrl.ToString();

        Assert.Equal("/e/NO_EVENT_KEY_SET", (await SendAsync(options)).Path);
    }

    [Fact]
    public async Task Dev_mode_with_a_key_sends_the_key()
    {
        var options = Bare(new());
        options.IsDev = true;
        options.EventKey = "test-key-123";
        options.BaseUrl = _server.BaseUrl.ToString();

        Assert.Equal("/e/test-key-123", (await SendAsync(options)).Path);
    }

    [Fact]
    public async Task Cloud_mode_without_a_key_fails_before_any_request_and_says_how_to_fix_it()
    {
        var options = Bare(new());
        options.BaseUrl = _server.BaseUrl.ToString();
        using var client = Client(options);

        var ex = await Assert.ThrowsAsync<InngestConfigurationException>(() => client.SendAsync(Wire.Account()));
        Assert.Contains("INNGEST_EVENT_KEY", ex.Message);
        Assert.Contains("InngestClientOptions.EventKey", ex.Message);
        Assert.Contains("INNGEST_DEV=1", ex.Message);
        Assert.Empty(_server.Requests);

        options.IsDev = false; // explicitly cloud, INNGEST_DEV ignored
        using var explicitCloud = new InngestClient(new InngestClientOptions { IsDev = false, BaseUrl = _server.BaseUrl.ToString(), EnvironmentReader = Wire.Env(new() { ["INNGEST_DEV"] = "1" }) });
        await Assert.ThrowsAsync<InngestConfigurationException>(() => explicitCloud.SendAsync(Wire.Account()));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Zero_events_make_no_request_even_without_a_key()
    {
        var options = Bare(new());
        options.BaseUrl = _server.BaseUrl.ToString();
        using var client = Client(options);

        var result = await client.SendAsync(Array.Empty<InngestEvent>());

        Assert.Empty(result.Ids);
        Assert.Empty(_server.Requests);
    }

    // ---- mode and base URL ----

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    [InlineData("", false)]
    public void INNGEST_DEV_flags_set_the_mode(string value, bool isDev)
    {
        using var client = Client(Bare(new() { ["INNGEST_DEV"] = value }));

        Assert.Equal(isDev, client.IsDev);
        Assert.Equal(isDev ? new Uri("http://localhost:8288/") : new Uri("https://inn.gs/"), client.EventApiBaseUrl);
    }

    [Fact]
    public void Unset_means_cloud_with_https_default()
    {
        using var client = Client(Bare(new()));

        Assert.False(client.IsDev);
        Assert.Equal("https", client.EventApiBaseUrl.Scheme);
        Assert.Equal(new Uri("https://inn.gs/"), client.EventApiBaseUrl);
    }

    [Fact]
    public async Task INNGEST_DEV_holding_a_url_means_dev_mode_at_that_url()
    {
        var options = Bare(new() { ["INNGEST_DEV"] = _server.BaseUrl.ToString().TrimEnd('/') });
        using var client = Client(options);
        Assert.True(client.IsDev);

        Assert.Equal("/e/NO_EVENT_KEY_SET", (await SendAsync(options)).Path);
    }

    [Fact]
    public void IsDev_option_wins_over_INNGEST_DEV()
    {
        using var cloud = Client(new InngestClientOptions { IsDev = false, EnvironmentReader = Wire.Env(new() { ["INNGEST_DEV"] = "http://127.0.0.1:9/" }) });
        Assert.False(cloud.IsDev);
        Assert.Equal(new Uri("https://inn.gs/"), cloud.EventApiBaseUrl); // a dev URL is not used in cloud mode

        using var dev = Client(new InngestClientOptions { IsDev = true, EnvironmentReader = Wire.Env(new() { ["INNGEST_DEV"] = "0" }) });
        Assert.True(dev.IsDev);
    }

    [Fact]
    public void Base_url_precedence_is_option_then_event_api_variable_then_base_variable_then_dev_url()
    {
        var env = new Dictionary<string, string>
        {
            ["INNGEST_DEV"] = "http://dev.example:1/",
            ["INNGEST_BASE_URL"] = "http://base.example:2/",
            ["INNGEST_EVENT_API_BASE_URL"] = "http://events.example:3/",
        };
        InngestClient With(string? option) => Client(new InngestClientOptions { BaseUrl = option, EnvironmentReader = Wire.Env(env) });

        using (var c = With("http://option.example:4/x")) Assert.Equal(new Uri("http://option.example:4/x/"), c.EventApiBaseUrl);
        using (var c = With(null)) Assert.Equal(new Uri("http://events.example:3/"), c.EventApiBaseUrl);
        env.Remove("INNGEST_EVENT_API_BASE_URL");
        using (var c = With(null)) Assert.Equal(new Uri("http://base.example:2/"), c.EventApiBaseUrl);
        env.Remove("INNGEST_BASE_URL");
        using (var c = With(null)) Assert.Equal(new Uri("http://dev.example:1/"), c.EventApiBaseUrl);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.com/")]
    [InlineData("/relative/path")]
    [InlineData("http://example.com/?q=1")]
    [InlineData("http://user:pass@example.com/")]
    public void Unusable_base_urls_fail_at_construction_with_the_fix(string url)
    {
        var ex = Assert.Throws<InngestConfigurationException>(() => Client(new InngestClientOptions { BaseUrl = url, EnvironmentReader = Wire.Env(null) }));

        Assert.Contains("InngestClientOptions.BaseUrl", ex.Message);
        Assert.Contains("http", ex.Message);
    }

    [Fact]
    public void A_bad_INNGEST_DEV_value_names_the_variable()
    {
        var ex = Assert.Throws<InngestConfigurationException>(() => Client(Bare(new() { ["INNGEST_DEV"] = "yes please" })));

        Assert.Contains("INNGEST_DEV", ex.Message);
    }

    [Theory]
    [InlineData(0, nameof(InngestClientOptions.MaxAttempts))]
    [InlineData(1, nameof(InngestClientOptions.MaxEventsPerRequest))]
    [InlineData(2, nameof(InngestClientOptions.MaxEventBytes))]
    [InlineData(3, nameof(InngestClientOptions.AttemptTimeout))]
    [InlineData(4, "InitialRetryDelay")]
    public void Out_of_range_limits_fail_at_construction(int which, string named)
    {
        var options = Bare(new());
        switch (which)
        {
            case 0: options.MaxAttempts = 0; break;
            case 1: options.MaxEventsPerRequest = 5001; break;
            case 2: options.MaxEventBytes = 0; break;
            case 3: options.AttemptTimeout = TimeSpan.Zero; break;
            case 4: options.InitialRetryDelay = TimeSpan.FromSeconds(-1); break;
        }

        var ex = Assert.Throws<InngestConfigurationException>(() => Client(options));
        Assert.Contains(named, ex.Message);
    }

    // ---- branch environment ----

    [Fact]
    public async Task Env_precedence_is_send_option_then_client_option_then_INNGEST_ENV()
    {
        var options = Wire.Options(_server, new Dictionary<string, string> { ["INNGEST_ENV"] = "env-var-branch" });
        Assert.Equal("env-var-branch", (await SendAsync(options)).Header("x-inngest-env"));

        options.Env = "client-opt-branch";
        Assert.Equal("client-opt-branch", (await SendAsync(options)).Header("x-inngest-env"));

        Assert.Equal("per-send-branch", (await SendAsync(options, new InngestSendOptions { Env = "per-send-branch" })).Header("x-inngest-env"));
    }

    [Theory]
    [InlineData("BRANCH_NAME")]
    [InlineData("VERCEL_GIT_COMMIT_REF")]
    [InlineData("BRANCH")]
    [InlineData("CF_PAGES_BRANCH")]
    [InlineData("RENDER_GIT_BRANCH")]
    [InlineData("RAILWAY_GIT_BRANCH")]
    public async Task Each_branch_variable_sets_the_env_when_nothing_before_it_does(string variable)
    {
        var options = Wire.Options(_server, new Dictionary<string, string> { [variable] = "ci-branch" });

        Assert.Equal("ci-branch", (await SendAsync(options)).Header("x-inngest-env"));
    }

    [Fact]
    public void Branch_variables_are_read_in_order_after_INNGEST_ENV()
    {
        var env = new Dictionary<string, string>
        {
            ["RAILWAY_GIT_BRANCH"] = "railway", ["RENDER_GIT_BRANCH"] = "render", ["CF_PAGES_BRANCH"] = "cf",
            ["BRANCH"] = "branch", ["VERCEL_GIT_COMMIT_REF"] = "vercel", ["BRANCH_NAME"] = "branch-name", ["INNGEST_ENV"] = "inngest-env",
        };
        foreach (var (name, expected) in new[] { ("INNGEST_ENV", "branch-name"), ("BRANCH_NAME", "vercel"), ("VERCEL_GIT_COMMIT_REF", "branch"), ("BRANCH", "cf"), ("CF_PAGES_BRANCH", "render"), ("RENDER_GIT_BRANCH", "railway") })
        {
            env.Remove(name);
            using var client = Client(new InngestClientOptions { EnvironmentReader = Wire.Env(env) });
            Assert.Equal(expected, client.Env);
        }
    }

    [Fact]
    public async Task No_env_header_when_none_is_set()
    {
        Assert.Null((await SendAsync(Wire.Options(_server))).Header("x-inngest-env"));
    }

    [Fact]
    public async Task An_env_that_cannot_be_a_header_value_is_rejected_clearly()
    {
        Assert.Throws<InngestConfigurationException>(() => Client(new InngestClientOptions { Env = "bad\r\nX-Injected: 1", EnvironmentReader = Wire.Env(null) }));

        using var client = new InngestClient(Wire.Options(_server));
        var ex = await Assert.ThrowsAsync<InngestConfigurationException>(() => client.SendAsync(Wire.Account(), new InngestSendOptions { Env = "ünïcode" }));
        Assert.Contains("InngestSendOptions.Env", ex.Message);
        Assert.Empty(_server.Requests);
    }

    // ---- the key stays secret ----

    [Fact]
    public void ToString_of_client_and_options_never_shows_the_key()
    {
        var options = new InngestClientOptions { EventKey = "secret-key-9f8e7d", EnvironmentReader = Wire.Env(null) };
        using var client = new InngestClient(options);

        Assert.DoesNotContain("secret-key-9f8e7d", options.ToString());
        Assert.DoesNotContain("secret-key-9f8e7d", client.ToString());
        Assert.Contains("***", client.ToString());
    }

    [Fact]
    public async Task A_given_HttpClient_is_used_and_not_disposed()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/ignored/") };
        using (var client = new InngestClient(http, Wire.Options(_server)))
        {
            await client.SendAsync(Wire.Account());
        }

        Assert.Equal("/e/test-key-123", Assert.Single(_server.Requests).Path);
        using var response = await http.GetAsync(_server.BaseUrl, CancellationToken.None); // still usable
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_given_handler_is_sent_through_without_an_HttpClient_and_not_disposed()
    {
        var handler = new HttpClientDetectingHandler();
        using (var client = new InngestClient(handler, Wire.Options(_server)))
        {
            var result = await client.SendAsync(Wire.Account());
            Assert.Single(result.Ids);
        }

        Assert.Equal("/e/test-key-123", Assert.Single(_server.Requests).Path);
        Assert.Equal(1, handler.Calls);
        Assert.Equal(0, handler.ThroughHttpClient); // no HttpClient made around the handler
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: true); // still usable after the client's Dispose
        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, _server.BaseUrl), CancellationToken.None);
        Assert.Equal(2, _server.Requests.Count);

        // The same handler inside an HttpClient is seen as such: what the check above rules out is observable.
        var wrapped = new HttpClientDetectingHandler();
        using var http = new HttpClient(wrapped);
        using (var client = new InngestClient(http, Wire.Options(_server)))
        {
            await client.SendAsync(Wire.Account());
        }

        Assert.Equal(1, wrapped.ThroughHttpClient);
    }
}
