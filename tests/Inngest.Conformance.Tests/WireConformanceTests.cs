using System.Threading.Tasks;

namespace Inngest.Conformance.Tests;

/// <summary>
/// Cases where our client must put on the wire what the official JS SDK puts there: same request
/// target, branch env header, content type, seed format, body (parsed, the filled-in ts masked), ids.
/// </summary>
public sealed class WireConformanceTests : IClassFixture<NodeSdkFixture>
{
    [Theory]
    [MemberData(nameof(Cases.MatchingIds), MemberType = typeof(Cases))]
    public async Task Same_wire_as_the_official_sdk(string caseId)
    {
        var c = Cases.Get(caseId);
        var (js, ours) = await ConformanceRunner.RunAsync(c);
        WireAssert.SameWire(c, js, ours);
    }
}

/// <summary>
/// Retry cases where both clients must agree: how many attempts, one seed and one body for all of them,
/// the backoff, and the outcome. Separate class so xunit runs them beside the fast cases.
/// </summary>
public sealed class RetryConformanceTests : IClassFixture<NodeSdkFixture>
{
    [Theory]
    [MemberData(nameof(Cases.RetryingIds), MemberType = typeof(Cases))]
    public async Task Same_retries_as_the_official_sdk(string caseId)
    {
        var c = Cases.Get(caseId);
        var (js, ours) = await ConformanceRunner.RunAsync(c);
        WireAssert.SameWire(c, js, ours);
    }
}
