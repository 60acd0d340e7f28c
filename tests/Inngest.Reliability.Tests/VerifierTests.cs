using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Inngest.Reliability.Tests;

/// <summary>
/// The ledger's checks have teeth: break the client's guarantees on purpose (between the client and
/// the wire) and the same verification reports duplicates, seed conflicts and lost events.
/// </summary>
public sealed class VerifierTests
{
    /// <summary>Puts a fresh seed on every attempt, as a client that made the seed per attempt would.</summary>
    private sealed class SeedPerAttemptHandler : DelegatingHandler
    {
        private int _counter;

        public SeedPerAttemptHandler()
            : base(new SocketsHttpHandler())
        {
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove("x-inngest-event-id-seed");
            request.Headers.TryAddWithoutValidation("x-inngest-event-id-seed", $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()},attempt{Interlocked.Increment(ref _counter)}");
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Turns a 5xx into a 200 with made-up ids, as a client that swallowed failures would.</summary>
    private sealed class FakeSuccessHandler : DelegatingHandler
    {
        public FakeSuccessHandler()
            : base(new SocketsHttpHandler())
        {
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode < 500)
            {
                return response;
            }

            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 2000 });
            var ids = Enumerable.Range(0, document.RootElement.GetArrayLength()).Select(i => $"\"FAKE{i}\"");
            response.Dispose();
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($"{{\"ids\":[{string.Join(",", ids)}],\"status\":200}}", Encoding.UTF8, "application/json"),
            };
        }
    }

    private static async Task<ReliabilityReport> RunAsync(DelegatingHandler handler, Fault[] palette)
    {
        await using var server = await FaultServer.StartAsync();
        server.Policy = new SeededFaultSchedule(5, 0.3, palette).Decide;
        using var http = new HttpClient(handler);
        using var client = new InngestClient(http, RandomizedFaultTests.FastOptions(server));
        var ledger = new SendLedger();
        foreach (var call in Workload.Plan(5, "v", 600, chunkedShare: 0))
        {
            await ledger.SendAsync(client, call);
        }

        return ledger.Verify(server);
    }

    [Fact]
    public async Task A_seed_per_attempt_shows_up_as_duplicates_and_seed_conflicts()
    {
        var report = await RunAsync(new SeedPerAttemptHandler(), new[] { Fault.AcceptThenDrop, Fault.Status500AfterStore, Fault.OkWithoutIds });
        Assert.True(report.LogicalDuplicates > 0, report.ToString());
        Assert.True(report.SeedConflicts > 0, report.ToString());
        Assert.NotEmpty(report.Violations);
    }

    [Fact]
    public async Task Swallowed_failures_show_up_as_lost_events()
    {
        var report = await RunAsync(new FakeSuccessHandler(), new[] { Fault.Status500, Fault.Status503 });
        Assert.True(report.Lost > 0, report.ToString());
        Assert.Contains(report.Violations, v => v.Contains("the server stored no such event", StringComparison.Ordinal));
    }
}
