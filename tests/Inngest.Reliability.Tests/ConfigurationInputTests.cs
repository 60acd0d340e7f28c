using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace Inngest.Reliability.Tests;

/// <summary>Event keys with URL-special characters are escaped into one path segment; unusable base URLs fail at construction.</summary>
public sealed class ConfigurationInputTests
{
    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a?b=c", "a%3Fb%3Dc")]
    [InlineData("a#frag", "a%23frag")]
    [InlineData("a b", "a%20b")]
    [InlineData("a%2Fb", "a%252Fb")]
    [InlineData("../../admin", "..%2F..%2Fadmin")]
    [InlineData("a+b&c;d", "a%2Bb%26c%3Bd")]
    [InlineData("ключ", "%D0%BA%D0%BB%D1%8E%D1%87")]
    public async Task Event_keys_are_escaped_as_one_path_segment_and_never_break_the_url(string key, string escaped)
    {
        await using var server = await FaultServer.StartAsync();
        var options = RandomizedFaultTests.FastOptions(server);
        options.EventKey = key;
        options.AttemptTimeout = TimeSpan.FromSeconds(30); // exactly one request, even on a loaded machine
        using var client = new InngestClient(options);

        var result = await client.SendAsync(InngestEvent.FromJson("app/x", "{\"k\":\"x\"}"));

        var request = Assert.Single(server.Requests);
        Assert.Equal("/e/" + escaped, request.RawTarget); // no query, no fragment, no extra segment
        Assert.Equal(key, Uri.UnescapeDataString(request.RawTarget["/e/".Length..]));
        Assert.Single(result.Ids);
    }

    public static IEnumerable<object[]> BadBaseUrls() => new[]
    {
        "not a url", "ftp://example.com/", "file:///tmp/inngest", "mailto:ops@example.com", "http://", "//inn.gs/", "/relative/path",
        "inn.gs", "http://host/?token=1", "https://host/#frag", "https://user:pass@host/", "ws://localhost:8288/",
    }.Select(u => new object[] { u });

    [Theory]
    [MemberData(nameof(BadBaseUrls))]
    public void Unusable_base_urls_fail_at_construction_with_the_fix(string baseUrl)
    {
        var error = Assert.Throws<InngestConfigurationException>(() => new InngestClient(new InngestClientOptions
        {
            EventKey = "secret-key-123456",
            BaseUrl = baseUrl,
            EnvironmentReader = _ => null,
        }));
        Assert.Contains("InngestClientOptions.BaseUrl", error.Message);
        Assert.Contains("http", error.Message);
        Assert.DoesNotContain("secret-key-123456", error.ToString());
    }

    [Theory]
    [InlineData("INNGEST_BASE_URL", "ftp://example.com")]
    [InlineData("INNGEST_EVENT_API_BASE_URL", "not a url")]
    [InlineData("INNGEST_DEV", "http://")]
    [InlineData("INNGEST_DEV", "ftp://localhost:8288")]
    public void Unusable_base_urls_from_the_environment_name_the_variable(string variable, string value)
    {
        var environment = new Dictionary<string, string> { [variable] = value, ["INNGEST_EVENT_KEY"] = "secret-key-123456" };
        var error = Assert.Throws<InngestConfigurationException>(() => new InngestClient(new InngestClientOptions { EnvironmentReader = n => environment.GetValueOrDefault(n) }));
        Assert.Contains(variable, error.Message);
        Assert.DoesNotContain("secret-key-123456", error.ToString());
    }
}
