using System.Net;
using System.Text;

namespace Quickstart;

/// <summary>
/// Used when neither INNGEST_EVENT_KEY nor INNGEST_DEV is set: prints the exact request the client
/// would send (the key masked) and answers like the Event API, so the sample runs anywhere.
/// </summary>
internal sealed class DryRunHandler : HttpMessageHandler
{
    private int _next;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var url = request.RequestUri!.GetLeftPart(UriPartial.Path);
        var keyAt = url.LastIndexOf("/e/", StringComparison.Ordinal);
        var masked = keyAt < 0 ? url : url[..(keyAt + 3)] + "***";

        var text = new StringBuilder();
        text.AppendLine($"{request.Method} {masked}");
        foreach (var header in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            text.AppendLine($"{header.Key}: {string.Join(", ", header.Value)}");
        }

        text.AppendLine();
        text.AppendLine(body);
        Console.WriteLine(text.ToString());

        var count = System.Text.Json.JsonDocument.Parse(body).RootElement.GetArrayLength();
        var ids = string.Join(",", Enumerable.Range(0, count).Select(_ => $"\"dry-run-{Interlocked.Increment(ref _next)}\""));
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent($"{{\"ids\":[{ids}],\"status\":200}}", Encoding.UTF8, "application/json"),
        };
    }
}
