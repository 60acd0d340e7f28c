using System;
using Inngest.Testing.Server;

namespace Inngest.Encryption.Tests;

internal static class ClientFactory
{
    public const string EventKey = "test-event-key-0123456789";

    /// <summary>A client that sends to <paramref name="server"/> once (no retries), isolated from the machine's environment.</summary>
    public static InngestClient Create(CaptureServer server, Action<InngestClientOptions> configure)
    {
        var options = new InngestClientOptions
        {
            EventKey = EventKey,
            BaseUrl = server.BaseUrl.ToString(),
            EnvironmentReader = static _ => null,
        };
        options.Retry.MaxAttempts = 1;
        configure(options);
        return new InngestClient(options);
    }
}
