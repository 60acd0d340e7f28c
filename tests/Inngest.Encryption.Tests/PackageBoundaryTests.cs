using System;
using System.Linq;

namespace Inngest.Encryption.Tests;

/// <summary>What each encryption assembly may depend on: the encryption package stays free of Microsoft.Extensions.*.</summary>
public sealed class PackageBoundaryTests
{
    [Fact]
    public void The_encryption_assembly_references_the_runtime_and_Sodium_Core_only()
    {
        var references = typeof(InngestEventEncryption).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Contains("Inngest.Runtime", references);
        Assert.Contains("Sodium.Core", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal));
        Assert.All(references, r => Assert.True(r is "Inngest.Runtime" or "Sodium.Core" || r.StartsWith("System", StringComparison.Ordinal) || r == "netstandard", r));
    }

    [Fact]
    public void The_dependency_injection_assembly_is_where_Microsoft_Extensions_come_in()
    {
        var assembly = typeof(Microsoft.Extensions.DependencyInjection.InngestEncryptionServiceCollectionExtensions).Assembly;
        var references = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Equal("Inngest.Typed.Encryption.DependencyInjection", assembly.GetName().Name);
        Assert.Contains("Inngest.Typed.Encryption", references);
        Assert.Contains("Inngest.Extensions.DependencyInjection", references);
        Assert.Contains("Microsoft.Extensions.Options", references);
    }
}
