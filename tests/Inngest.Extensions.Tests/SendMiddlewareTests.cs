using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Inngest.Testing.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inngest.Extensions.Tests;

/// <summary>
/// Send middleware through dependency injection: <c>InngestOptions.SendMiddleware</c> and middleware registered as
/// services, in the documented order (services in registration order, then the options list), on a real send.
/// </summary>
public sealed class SendMiddlewareTests : IAsyncLifetime
{
    private CaptureServer _server = null!;

    public async Task InitializeAsync() => _server = await CaptureServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Services_run_in_registration_order_then_the_options_list_in_list_order()
    {
        using var host = await Hosts.StartAsync(
            Hosts.Config(_server),
            configure: o =>
            {
                o.SendMiddleware.Add(new Stamp("options-1"));
                o.SendMiddleware.Add(new Stamp("options-2"));
            },
            services: s =>
            {
                s.AddSingleton<InngestSendMiddleware>(new Stamp("service-1"));
                s.AddSingleton<InngestSendMiddleware>(new Stamp("service-2"));
                s.PostConfigure<Inngest.Extensions.DependencyInjection.InngestOptions>(o => o.SendMiddleware.Add(new Stamp("post-configure")));
                s.Configure<Inngest.Extensions.DependencyInjection.InngestOptions>(o => o.SendMiddleware.Insert(0, new Stamp("options-0")));
            });

        await host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account());

        var data = Assert.Single(_server.Requests).BodyJson[0].GetProperty("data");
        Assert.Equal(
            new[] { "service-1", "service-2", "options-0", "options-1", "options-2", "post-configure" },
            data.GetProperty("stamps").EnumerateArray().Select(s => s.GetString()).ToArray());
        Assert.Equal("pro", data.GetProperty("billingPlan").GetString());
    }

    [Fact]
    public async Task A_scoped_middleware_is_resolved_from_the_scope_that_creates_the_client()
    {
        using var host = await Hosts.StartAsync(Hosts.Config(_server), services: s => s.AddScoped<InngestSendMiddleware, ScopedStamp>());

        var seen = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var scope = host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IInngestClient>().SendAsync(Events.Account());
            await scope.ServiceProvider.GetRequiredService<IInngestClient>().SendAsync(Events.Account());
        }

        foreach (var request in _server.Requests)
        {
            seen.Add(request.BodyJson[0].GetProperty("data").GetProperty("stamps")[0].GetString()!);
        }

        // Two clients per scope share the scope's instance; the two scopes have two.
        Assert.Equal(4, seen.Count);
        Assert.Equal(seen[0], seen[1]);
        Assert.Equal(seen[2], seen[3]);
        Assert.NotEqual(seen[0], seen[2]);
    }

    [Fact]
    public async Task A_middleware_that_throws_fails_the_send_before_any_request()
    {
        using var host = await Hosts.StartAsync(Hosts.Config(_server), services: s => s.AddSingleton<InngestSendMiddleware>(new Throwing()));

        var error = await Assert.ThrowsAsync<InngestEventValidationException>(
            () => host.Services.GetRequiredService<IInngestClient>().SendAsync(Events.Account()));

        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_null_entry_fails_the_start_with_its_position()
    {
        using var host = Hosts.Build(Hosts.Config(_server), configure: o => o.SendMiddleware.Add(null!));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("InngestOptions.SendMiddleware[0] is null", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>Appends its name to <c>data.stamps</c>, so the body shows the order the hooks ran in.</summary>
    private class Stamp : InngestSendMiddleware
    {
        private readonly string _name;

        public Stamp(string name)
        {
            _name = name;
        }

        public override InngestEvent TransformEvent(InngestEvent evt, InngestSendMiddlewareContext context)
        {
            var data = System.Text.Json.Nodes.JsonNode.Parse(context.SerializeData(evt).GetRawText())!.AsObject();
            if (data["stamps"] is not System.Text.Json.Nodes.JsonArray stamps)
            {
                stamps = new System.Text.Json.Nodes.JsonArray();
                data["stamps"] = stamps;
            }

            stamps.Add(_name);
            using var document = JsonDocument.Parse(data.ToJsonString());
            return context.ReplaceData(evt, document.RootElement.Clone());
        }
    }

    private sealed class ScopedStamp : Stamp
    {
        public ScopedStamp()
            : base(Guid.NewGuid().ToString("N"))
        {
        }
    }

    private sealed class Throwing : InngestSendMiddleware
    {
        public override InngestEvent TransformEvent(InngestEvent evt, InngestSendMiddlewareContext context)
            => throw new InvalidOperationException("hook failed");
    }
}
