using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Inngest.Testing.Server;

namespace Inngest.Outbox.Tests;

/// <summary>The events a capture server received, flattened from its request bodies, in arrival order.</summary>
public static class ReceivedEvents
{
    public static List<JsonElement> Of(CaptureServer server)
        => server.Requests.Where(r => r.Method == "POST").SelectMany(r => r.BodyJson.EnumerateArray()).ToList();

    public static string Name(this JsonElement evt) => evt.GetProperty("name").GetString()!;

    public static string Id(this JsonElement evt) => evt.GetProperty("id").GetString()!;

    public static string Data(this JsonElement evt, string member) => evt.GetProperty("data").GetProperty(member).ToString();
}
