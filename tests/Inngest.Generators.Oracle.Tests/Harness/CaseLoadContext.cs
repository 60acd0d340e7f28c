using System.Reflection;
using System.Runtime.Loader;

namespace Inngest.Generators.Oracle.Tests.Harness;

/// <summary>
/// A collectible context for one compiled case assembly. Everything it references (System.Text.Json,
/// Inngest.Runtime, this test assembly, the corpora libraries) resolves from the default context, so
/// the test code and the case code share those types.
/// </summary>
internal sealed class CaseLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
