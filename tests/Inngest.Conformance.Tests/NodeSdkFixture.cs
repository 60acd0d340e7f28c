using System.Threading.Tasks;

namespace Inngest.Conformance.Tests;

/// <summary>
/// Makes sure the official SDK is installed (<c>npm ci</c> in <c>node/</c> when <c>node_modules</c> is
/// missing or older than the lock file) before a test class runs. The install runs once per test run.
/// </summary>
public sealed class NodeSdkFixture : IAsyncLifetime
{
    public Task InitializeAsync() => NodeSdk.EnsureInstalledAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
