using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Catalog.Tests.Ids;

/// <summary>
/// <c>[InngestEvent(..., Id = "...")]</c>: the generated send methods fill <c>id</c> from the payload when the caller
/// gives none (one id per payload in a batch), culture-invariantly, and the caller's id wins. Checked on the wire
/// of a real capture server.
/// </summary>
public sealed class IdTemplateTests
{
    private static readonly OrderShipped Shipped = new(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), new DateTimeOffset(2024, 5, 15, 10, 30, 0, TimeSpan.FromHours(2)),
        Channel.Store, 1.5, null, 7, new DateOnly(2024, 5, 15), true);

    [Fact]
    public async Task The_send_method_fills_the_id_from_the_payload_and_the_callers_id_wins()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = new InngestClient(new InngestClientOptions { EventKey = "ids-key", BaseUrl = server.BaseUrl.ToString() });

        await client.SendCartCheckoutCompletedAsync(new CartCheckoutCompleted("c42", 3, 9.99m));
        await client.SendCartCheckoutCompletedAsync(new CartCheckoutCompleted("c42", 3, 9.99m), id: "mine");
        await client.SendCartCheckoutCompletedAsync([new CartCheckoutCompleted("a", 1, 1m), new CartCheckoutCompleted("b", 2, 2m)]);
        await client.SendStockCountedAsync([new StockCounted { Sku = "sku-1", Count = 4 }]);

        var ids = server.Requests.SelectMany(r => r.BodyJson.EnumerateArray().Select(e => e.GetProperty("id").GetString())).ToList();
        Assert.Equal(["cart-c42-3", "mine", "cart-a-1", "cart-b-2", "stock-sku-1"], ids);
        Assert.Equal("cart-{cartId}-{attempt}", CartCheckoutCompleted.IdTemplate);
    }

    [Fact]
    public async Task Every_kind_of_scalar_is_formatted_invariantly_whatever_the_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // A culture with a comma decimal separator and its own date format: the id must not follow it.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            await using var server = await CaptureServer.StartAsync();
            using var client = new InngestClient(new InngestClientOptions { EventKey = "ids-key", BaseUrl = server.BaseUrl.ToString() });

            await client.SendOrderShippedAsync(Shipped);
            await client.SendOrderShippedAsync(Shipped with { Coupon = "SUMMER", Batch = null });

            var ids = server.Requests.Select(r => r.BodyJson[0].GetProperty("id").GetString()).ToList();
            Assert.Equal("order-shipped:0f8fad5b-d9cb-469f-a165-70867728950e:2024-05-15T10:30:00.0000000+02:00:Store:1.5:none:7:2024-05-15:true:{x}", ids[0]);
            Assert.Equal("order-shipped:0f8fad5b-d9cb-469f-a165-70867728950e:2024-05-15T10:30:00.0000000+02:00:Store:1.5:SUMMER:-:2024-05-15:true:{x}", ids[1]);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
