using System.Text.Json;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Runtime.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Sends_one_untyped_event()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = new InngestClient(new InngestClientOptions { EventKey = "k", BaseUrl = server.BaseUrl.ToString(), EnvironmentReader = _ => null });
        var result = await client.SendAsync(InngestEvent.FromJson("app/post.created", """{"postId":"01H08SEAXBJFJNGTTZ5TAWB0BD"}"""));
        var request = Assert.Single(server.Requests);
        Assert.Equal("/e/k", request.Path);
        Assert.Equal(CaptureServer.IdFor(request.Header("x-inngest-event-id-seed"), 0), Assert.Single(result.Ids));
        Assert.Equal("app/post.created", request.BodyJson[0].GetProperty("name").GetString());
    }
}
