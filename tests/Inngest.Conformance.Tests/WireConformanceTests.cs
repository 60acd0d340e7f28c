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
/// Settings precedence and payload shapes beyond the wire vectors, compared the same way.
/// </summary>
public sealed class SettingsConformanceTests : IClassFixture<NodeSdkFixture>
{
    [Theory]
    [MemberData(nameof(Cases.SettingsIds), MemberType = typeof(Cases))]
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

/// <summary>Our typed path (<see cref="InngestEvent{T}"/> with source-generated metadata) against the official SDK.</summary>
public sealed class TypedConformanceTests : IClassFixture<NodeSdkFixture>
{
    [Fact]
    public async Task A_typed_payload_puts_the_same_event_on_the_wire()
    {
        var c = Cases.Get("a-single");
        var typed = new InngestEvent<AccountCreated>("app/account.created", new AccountCreated("645e9f6794e10937e9bdc201", "pro"), ConformanceJson.Default.AccountCreated)
        {
            User = new InngestUser { ExternalId = "645ea000129f1c40109ca7ad", Email = "taylor@example.com" },
        };
        var jsTask = ConformanceRunner.RunJsAsync(c);
        var ours = await ConformanceRunner.RunOursAsync(c, new InngestEvent[] { typed });
        WireAssert.SameWire(c, await jsTask, ours);
    }
}
