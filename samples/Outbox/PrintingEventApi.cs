using System.Net;
using System.Text;

namespace OutboxSample;

/// <summary>
/// Stands in for the Event API when neither INNGEST_EVENT_KEY nor INNGEST_DEV is set: prints each request the
/// dispatcher makes (the key masked) and answers as Inngest does, with one id per event.
/// </summary>
internal sealed class PrintingEventApi : HttpMessageHandler
{
    private int _requests;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        Console.WriteLine($"{request.Method} {path[..(path.LastIndexOf('/') + 1)]}***");
        Console.WriteLine(body);
        var count = System.Text.Json.JsonDocument.Parse(body).RootElement.GetArrayLength();
        var n = Interlocked.Increment(ref _requests);
        var ids = string.Join(",", Enumerable.Range(0, count).Select(i => $"\"01JDRYRUN{n:D4}{i:D13}\""));
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent($"{{\"ids\":[{ids}],\"status\":200}}", Encoding.UTF8, "application/json"),
        };
    }
}
