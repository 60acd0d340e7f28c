using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Runtime.Tests;

/// <summary>event-api.md section 1: the request line, the body and the headers.</summary>
public sealed class RequestTests : IAsyncLifetime
{
    private CaptureServer _server = null!;

    public async Task InitializeAsync() => _server = await CaptureServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Posts_to_e_key_with_no_query_and_no_authorization()
    {
        using var client = new InngestClient(Wire.Options(_server));
        await client.SendAsync(Wire.Account());

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/e/test-key-123", request.RawTarget);
        Assert.Null(request.Header("authorization"));
    }

    [Theory]
    [InlineData("/prefix/sub", "/prefix/sub/e/test-key-123")]
    [InlineData("/prefix/sub/", "/prefix/sub/e/test-key-123")]
    [InlineData("", "/e/test-key-123")]
    public async Task Base_url_is_a_prefix_with_or_without_trailing_slash(string basePath, string expectedPath)
    {
        var options = Wire.Options(_server);
        options.BaseUrl = _server.BaseUrl.ToString().TrimEnd('/') + basePath;
        using var client = new InngestClient(options);
        await client.SendAsync(Wire.Account());

        Assert.Equal(expectedPath, Assert.Single(_server.Requests).RawTarget);
    }

    [Theory]
    [InlineData("key with space/slash?q#h", "/e/key%20with%20space%2Fslash%3Fq%23h")]
    [InlineData("abc+def=", "/e/abc%2Bdef%3D")]
    [InlineData("ключ", "/e/%D0%BA%D0%BB%D1%8E%D1%87")]
    public async Task Key_is_escaped_as_one_path_segment(string key, string expectedPath)
    {
        var options = Wire.Options(_server);
        options.EventKey = key;
        using var client = new InngestClient(options);
        await client.SendAsync(Wire.Account());

        var request = Assert.Single(_server.Requests);
        Assert.Equal(expectedPath, request.RawTarget);
        Assert.Equal(string.Empty, request.Query);
    }

    [Fact]
    public async Task One_event_is_sent_as_an_array_in_compact_utf8_with_non_ascii_unescaped()
    {
        using var client = new InngestClient(Wire.Options(_server));
        await client.SendAsync(Wire.Json("app/unicode", """{"s":"héllo ✓ </script> \"q\" \\"}"""));

        var request = Assert.Single(_server.Requests);
        var text = request.BodyText;
        Assert.StartsWith("[{\"name\":\"app/unicode\",\"data\":{\"s\":\"héllo ✓ </script> \\\"q\\\" \\\\\"},\"ts\":", text);
        Assert.DoesNotContain("\n", text);
        Assert.DoesNotContain(" :", text);
        Assert.Equal(JsonValueKind.Array, request.BodyJson.ValueKind);
        Assert.True(request.Body.AsSpan().IndexOf("héllo ✓"u8) >= 0, "non-ASCII text is sent as raw UTF-8, not \\u escapes");
    }

    [Fact]
    public async Task Headers_carry_content_type_sdk_and_a_seed()
    {
        using var client = new InngestClient(Wire.Options(_server));
        await client.SendAsync(Wire.Account());

        var request = Assert.Single(_server.Requests);
        Assert.Equal("application/json", request.Header("content-type"));
        Assert.Equal("inngest-dotnet-typed:v0.1.0", request.Header("user-agent"));
        Assert.Equal("inngest-dotnet-typed:v0.1.0", request.Header("x-inngest-sdk"));
        var seed = request.Header("x-inngest-event-id-seed")!;
        var match = Regex.Match(seed, "^(\\d+),([A-Za-z0-9+/]{13}[A-Za-z0-9+/=]{3})$");
        Assert.True(match.Success, seed);
        Assert.Equal(10, Convert.FromBase64String(match.Groups[2].Value).Length);
        Assert.InRange(long.Parse(match.Groups[1].Value), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Null(request.Header("x-inngest-env"));
    }

    [Fact]
    public void Sdk_version_matches_the_assembly_version()
    {
        var version = typeof(InngestClient).Assembly.GetName().Version!;
        Assert.Equal(InngestClient.SdkVersion, $"{version.Major}.{version.Minor}.{version.Build}");
    }

    [Fact]
    public async Task Each_send_call_gets_a_new_random_seed()
    {
        using var client = new InngestClient(Wire.Options(_server));
        await client.SendAsync(Wire.Account());
        await client.SendAsync(Wire.Account());

        var seeds = _server.Requests.Select(r => r.Header("x-inngest-event-id-seed")!.Split(',')[1]).ToArray();
        Assert.Equal(2, seeds.Length);
        Assert.NotEqual(seeds[0], seeds[1]);
    }

    [Fact]
    public async Task Env_header_is_sent_when_a_branch_environment_is_known()
    {
        var options = Wire.Options(_server);
        options.Env = "feature/my-branch";
        using var client = new InngestClient(options);
        await client.SendAsync(Wire.Account());

        Assert.Equal("feature/my-branch", Assert.Single(_server.Requests).Header("x-inngest-env"));
    }

    [Fact]
    public async Task Typed_single_send_matches_the_seed_document_example()
    {
        using var client = new InngestClient(Wire.Options(_server));
        var result = await client.SendAsync(Wire.Account(user: Wire.Taylor));

        var request = Assert.Single(_server.Requests);
        var ms = Wire.SeedMs(request);
        Assert.Equal(
            "[{\"name\":\"app/account.created\",\"data\":{\"accountId\":\"645e9f6794e10937e9bdc201\",\"billingPlan\":\"pro\"},"
            + "\"user\":{\"external_id\":\"645ea000129f1c40109ca7ad\",\"email\":\"taylor@example.com\"},\"ts\":" + ms + "}]",
            request.BodyText);
        Assert.Equal(new[] { CaptureServer.IdFor(request.Header("x-inngest-event-id-seed"), 0) }, result.Ids);
    }

    [Fact]
    public async Task A_batch_is_one_request_with_ids_in_input_order()
    {
        using var client = new InngestClient(Wire.Options(_server));
        var events = new List<InngestEvent>
        {
            new InngestEvent<InvoiceCreated>("app/invoice.created", new InvoiceCreated("645e9e024befa68763f5b500"), TestJson.Default.InvoiceCreated),
            new InngestEvent<InvoiceCreated>("app/invoice.created", new InvoiceCreated("645e9e08f29fb563c972b1f7"), TestJson.Default.InvoiceCreated),
        };
        var result = await client.SendAsync(events);

        var request = Assert.Single(_server.Requests);
        var ms = Wire.SeedMs(request);
        Assert.Equal(
            "[{\"name\":\"app/invoice.created\",\"data\":{\"invoiceId\":\"645e9e024befa68763f5b500\"},\"ts\":" + ms + "},"
            + "{\"name\":\"app/invoice.created\",\"data\":{\"invoiceId\":\"645e9e08f29fb563c972b1f7\"},\"ts\":" + ms + "}]",
            request.BodyText);
        var seed = request.Header("x-inngest-event-id-seed");
        Assert.Equal(new[] { CaptureServer.IdFor(seed, 0), CaptureServer.IdFor(seed, 1) }, result.Ids);
    }
}
