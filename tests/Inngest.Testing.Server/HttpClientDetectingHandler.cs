using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Inngest.Testing.Server;

/// <summary>
/// A pass-through handler that records whether each request reached it from inside <see cref="HttpClient"/>'s own send
/// (one of its frames on the call stack, which a handler is called from synchronously), so a test can tell a client that
/// calls its handler directly from one that wraps it in an <see cref="HttpClient"/>.
/// </summary>
public sealed class HttpClientDetectingHandler : DelegatingHandler
{
    private int _calls;
    private int _throughHttpClient;

    /// <summary>Creates the handler in front of <paramref name="inner"/>, or of a new <see cref="SocketsHttpHandler"/>.</summary>
    public HttpClientDetectingHandler(HttpMessageHandler? inner = null)
        : base(inner ?? new SocketsHttpHandler { AllowAutoRedirect = false })
    {
    }

    /// <summary>The requests seen.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>How many of them came through an <see cref="HttpClient"/>.</summary>
    public int ThroughHttpClient => Volatile.Read(ref _throughHttpClient);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (new StackTrace(false).GetFrames().Any(f => f.GetMethod()?.DeclaringType is { } type && (type == typeof(HttpClient) || type.DeclaringType == typeof(HttpClient))))
        {
            Interlocked.Increment(ref _throughHttpClient);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
