using System;
using System.Collections.Generic;

namespace Inngest.Runtime.Tests;

/// <summary>Issue 11, rows 7, 8 and 10: settings that would leak the key or take sending down fail at construction, clearly.</summary>
public sealed class UnsafeConfigurationTests
{
    private const string DashboardKey = "d1e2a3d4b5e6e7f8secretdashboardkey";

    private static InngestClientOptions Bare(Dictionary<string, string>? env = null) => new() { EnvironmentReader = Wire.Env(env) };

    [Theory]
    [InlineData("https://inn.gs/e/" + DashboardKey)]
    [InlineData("https://inn.gs/e/" + DashboardKey + "/")]
    [InlineData("https://events.example.com/prefix/e/" + DashboardKey)]
    public void A_base_url_holding_the_event_path_and_key_is_refused_without_echoing_it(string url)
    {
        var options = Bare();
        options.EventKey = "another-key-0000";
        options.BaseUrl = url;

        var ex = Assert.Throws<InngestConfigurationException>(() => new InngestClient(options));

        Assert.Contains("InngestClientOptions.BaseUrl", ex.Message);
        Assert.Contains("/e/", ex.Message);
        Assert.DoesNotContain(DashboardKey, ex.Message);
        Assert.DoesNotContain(DashboardKey, ex.ToString());
    }

    [Fact]
    public void The_event_path_in_INNGEST_BASE_URL_is_refused_too()
    {
        var ex = Assert.Throws<InngestConfigurationException>(() => new InngestClient(Bare(new() { ["INNGEST_BASE_URL"] = "https://inn.gs/e/" + DashboardKey })));

        Assert.Contains("INNGEST_BASE_URL", ex.Message);
        Assert.DoesNotContain(DashboardKey, ex.Message);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("on")]
    [InlineData("dev")]
    public void An_INNGEST_DEV_word_that_is_neither_a_flag_nor_a_url_is_refused(string value)
    {
        var ex = Assert.Throws<InngestConfigurationException>(() => new InngestClient(Bare(new() { ["INNGEST_DEV"] = value })));

        Assert.Contains("INNGEST_DEV", ex.Message);
        Assert.Contains("1", ex.Message);
    }

    [Theory]
    [InlineData("localhost:8288", "http://localhost:8288/")]
    [InlineData("0.0.0.0:8288", "http://0.0.0.0:8288/")]
    [InlineData("inngest:8288", "http://inngest:8288/")]
    [InlineData("http://dev-server/", "http://dev-server/")]
    public void INNGEST_DEV_urls_without_a_scheme_still_mean_http_as_in_the_official_SDK(string value, string expected)
    {
        using var client = new InngestClient(Bare(new() { ["INNGEST_DEV"] = value }));

        Assert.True(client.IsDev);
        Assert.Equal(new Uri(expected), client.EventApiBaseUrl);
    }

    [Theory]
    [InlineData("http://inngest.example.com/")]
    [InlineData("http://10.0.0.5:8288/")]
    public void A_real_key_over_plain_http_to_another_host_is_refused(string url)
    {
        var options = Bare();
        options.EventKey = DashboardKey;
        options.BaseUrl = url;

        var ex = Assert.Throws<InngestConfigurationException>(() => new InngestClient(options));

        Assert.Contains("https", ex.Message);
        Assert.Contains("AllowInsecureHttp", ex.Message);
        Assert.DoesNotContain(DashboardKey, ex.Message);
    }

    [Theory]
    [InlineData("http://localhost:8288/")]
    [InlineData("http://127.0.0.1:8288/")]
    [InlineData("http://[::1]:8288/")]
    public void Plain_http_to_loopback_is_allowed(string url)
    {
        var options = Bare();
        options.EventKey = DashboardKey;
        options.BaseUrl = url;

        using var client = new InngestClient(options);

        Assert.True(client.HasEventKey);
    }

    [Fact]
    public void The_dev_placeholder_may_go_over_plain_http_to_a_dev_server_in_a_container()
    {
        using var client = new InngestClient(Bare(new() { ["INNGEST_DEV"] = "http://inngest:8288" }));

        Assert.True(client.IsDev);
    }

    [Fact]
    public void An_attempt_timeout_the_timers_cannot_hold_fails_at_construction_instead_of_at_every_send()
    {
        var options = Bare();
        options.EventKey = DashboardKey;
        options.AttemptTimeout = TimeSpan.FromDays(60); // what "Inngest:AttemptTimeout": "60" used to bind to

        var ex = Assert.Throws<InngestConfigurationException>(() => new InngestClient(options));

        Assert.Contains("AttemptTimeout", ex.Message);
        Assert.Contains("00:00:30", ex.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-2)]
    public void Negative_delays_fail_at_construction(int which)
    {
        var options = Bare();
        if (which == -1)
        {
            options.MaxRetryDelay = TimeSpan.FromSeconds(-1);
        }
        else
        {
            options.Retry.InitialDelay = TimeSpan.FromSeconds(-1);
        }

        var ex = Assert.Throws<InngestConfigurationException>(() => new InngestClient(options));

        Assert.Contains(which == -1 ? "MaxRetryDelay" : "InitialRetryDelay", ex.Message);
    }

    [Fact]
    public void A_MaxRetryDelay_of_TimeSpan_MaxValue_means_no_cap_and_is_accepted()
    {
        var options = Bare();
        options.MaxRetryDelay = TimeSpan.MaxValue;
        options.InitialRetryDelay = TimeSpan.FromDays(60);

        using var client = new InngestClient(options);

        Assert.False(client.HasEventKey);
    }

    [Fact]
    public void Validate_lists_every_problem_by_the_given_setting_names_and_the_constructor_throws_the_same()
    {
        var options = Bare(new() { ["INNGEST_DEV"] = "yes" });
        options.MaxAttempts = 0;
        options.MaxRequestBytes = 10;

        var problems = options.Validate("Messaging:Inngest:");

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Messaging:Inngest:MaxAttempts is 0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Messaging:Inngest:MaxRequestBytes is 10", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("INNGEST_DEV is 'yes'", StringComparison.Ordinal));
        var thrown = Assert.Throws<InngestConfigurationException>(() => new InngestClient(options));
        Assert.Contains("InngestClientOptions.MaxAttempts is 0", thrown.Message);
    }

    [Fact]
    public void Validate_can_require_a_key_which_the_constructor_does_not()
    {
        var options = Bare();

        Assert.Empty(options.Validate());
        var missing = Assert.Single(options.Validate("Inngest:", requireEventKey: true));
        Assert.Contains("Inngest:EventKey", missing);
        Assert.Contains("INNGEST_EVENT_KEY", missing);

        options.IsDev = true; // the dev placeholder is a key
        Assert.Empty(options.Validate("Inngest:", requireEventKey: true));
    }
}
