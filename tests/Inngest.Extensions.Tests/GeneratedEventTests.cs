using System;
using System.Linq;
using System.Threading.Tasks;
using Inngest.Testing;
using Inngest.Testing.Server;
using Microsoft.Extensions.DependencyInjection;

namespace Inngest.Extensions.Tests;

/// <summary>A payload the Inngest.Typed generator implements (name, version, JSON metadata, SendOrderPlacedAsync).</summary>
[InngestEvent("shop/order.placed", Version = "2025-01-01.1")]
public sealed partial record OrderPlaced(string OrderId, decimal Total, string[] Skus);

/// <summary>The generated send methods with the DI client and the test double.</summary>
public sealed class GeneratedEventTests : IAsyncLifetime
{
    private CaptureServer _server = null!;

    public async Task InitializeAsync() => _server = await CaptureServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_DI_client_sends_generated_events()
    {
        using var host = await Hosts.StartAsync(Hosts.Config(_server));
        var inngest = host.Services.GetRequiredService<IInngestClient>();

        var result = await inngest.SendOrderPlacedAsync(new OrderPlaced("o-1", 19.99m, new[] { "sku-1" }), id: "order-o-1");

        var request = Assert.Single(_server.Requests);
        var evt = request.BodyJson[0];
        Assert.Equal("shop/order.placed", evt.GetProperty("name").GetString());
        Assert.Equal("2025-01-01.1", evt.GetProperty("v").GetString());
        Assert.Equal("order-o-1", evt.GetProperty("id").GetString());
        Assert.Equal(19.99m, evt.GetProperty("data").GetProperty("total").GetDecimal());
        Assert.Equal(CaptureServer.IdFor(request.Header("x-inngest-event-id-seed"), 0), Assert.Single(result.Ids));
    }

    [Fact]
    public async Task The_fake_records_every_generated_and_generic_form()
    {
        using var fake = new FakeInngestClient();
        IInngestClient inngest = fake;

        await inngest.SendOrderPlacedAsync(new OrderPlaced("o-1", 1m, Array.Empty<string>()), user: Events.Taylor);
        await inngest.SendOrderPlacedAsync(new[] { new OrderPlaced("o-2", 2m, new[] { "a" }), new OrderPlaced("o-3", 3m, new[] { "b" }) });
        await inngest.SendAsync(new OrderPlaced("o-4", 4m, Array.Empty<string>()));
        await inngest.SendAsync(new InngestEvent[] { new OrderPlaced("o-5", 5m, Array.Empty<string>()).ToEvent(id: "o-5"), Events.Account() });

        Assert.Equal(new[] { "o-1", "o-2", "o-3", "o-4", "o-5" }, fake.Sent<OrderPlaced>().Select(o => o.OrderId));
        Assert.Equal("taylor@example.com", fake.SentEventsOf<OrderPlaced>()[0].User!.Email);
        Assert.Equal("o-5", fake.SentEventsOf<OrderPlaced>()[4].Id);
        Assert.All(fake.SentEventsOf<OrderPlaced>(), e => Assert.Equal("2025-01-01.1", e.Version));
        Assert.Equal(5, fake.SentNamed(OrderPlaced.EventName).Count);
        Assert.Single(fake.Sent<AccountCreated>());
        Assert.Equal(new[] { "b" }, fake.Calls[1].Json[1].GetProperty("data").GetProperty("skus").EnumerateArray().Select(s => s.GetString()));
    }
}
