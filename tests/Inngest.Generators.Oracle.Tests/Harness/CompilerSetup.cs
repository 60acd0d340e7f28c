using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Generators.Oracle.Tests.Harness;

/// <summary>
/// What every in-memory case compilation shares: the .NET reference assemblies and the generators and
/// analyzers, all loaded once. System.Text.Json's generator is the one the SDK itself runs (from the
/// targeting pack of the running runtime); ours is the Inngest.Generators assembly this project builds.
/// </summary>
internal static class CompilerSetup
{
    private static readonly Lazy<string> s_refPack = new(FindReferencePack);

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilationOptions CompilationOptions { get; } = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        optimizationLevel: OptimizationLevel.Release);

    /// <summary>The .NET reference assemblies plus the runtime, this test assembly (case attributes) and the corpora.</summary>
    public static ImmutableArray<MetadataReference> References { get; } = LoadReferences();

    /// <summary>System.Text.Json's generator first: it is the oracle; then ours.</summary>
    public static ImmutableArray<ISourceGenerator> Generators { get; } = [OracleGenerator(), .. OurGenerators()];

    /// <summary>Every analyzer of the Inngest.Generators assembly (the INNG diagnostics).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> OurAnalyzers { get; } = OurAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static Assembly OurAssembly => Assembly.Load("Inngest.Generators");

    /// <summary>Where System.Text.Json's generator came from (for messages and the README).</summary>
    public static string OracleGeneratorPath => Path.Combine(s_refPack.Value, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");

    private static IEnumerable<ISourceGenerator> OurGenerators() => OurAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t))
        .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator());

    private static ISourceGenerator OracleGenerator()
    {
        var assembly = Assembly.LoadFrom(OracleGeneratorPath);
        var type = assembly.GetTypes().Single(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t));
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var framework = Directory.GetFiles(Path.Combine(s_refPack.Value, "ref", "net10.0"), "*.dll");
        var extra = new[]
        {
            typeof(IInngestEventData<>).Assembly.Location,
            typeof(CompilerSetup).Assembly.Location,
        }.Concat(WithDependencies(typeof(Stripe.StripeEntity).Assembly, typeof(Telegram.Bot.Types.Update).Assembly));
        return framework.Concat(extra).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    /// <summary>
    /// The corpus libraries and the non-framework assemblies they reference (Stripe.net's Newtonsoft.Json...),
    /// as a project that uses the library would reference them.
    /// </summary>
    private static IEnumerable<string> WithDependencies(params Assembly[] libraries)
    {
        var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<Assembly>(libraries);
        while (pending.Count > 0)
        {
            var assembly = pending.Dequeue();
            if (!seen.Add(assembly.Location))
            {
                continue;
            }

            yield return assembly.Location;
            foreach (var name in assembly.GetReferencedAssemblies())
            {
                Assembly dependency;
                try
                {
                    dependency = Assembly.Load(name);
                }
                catch (FileNotFoundException)
                {
                    continue;
                }

                if (dependency.Location.Length > 0 && !dependency.Location.StartsWith(frameworkDir, StringComparison.Ordinal))
                {
                    pending.Enqueue(dependency);
                }
            }
        }
    }

    /// <summary>
    /// The Microsoft.NETCore.App.Ref pack of the running runtime (ORACLE_REF_PACK overrides): its
    /// reference assemblies and its System.Text.Json generator belong together.
    /// </summary>
    private static string FindReferencePack()
    {
        if (Environment.GetEnvironmentVariable("ORACLE_REF_PACK") is { Length: > 0 } configured)
        {
            return configured;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/ -> <root>/packs/Microsoft.NETCore.App.Ref/<version>/
        var runtimeDir = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        var root = runtimeDir.Parent!.Parent!.Parent!.FullName;
        var packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        var exact = Path.Combine(packs, runtimeDir.Name);
        if (Directory.Exists(exact))
        {
            return exact;
        }

        var newest = Directory.GetDirectories(packs).Where(d => Path.GetFileName(d).StartsWith("10.", StringComparison.Ordinal))
            .OrderBy(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0)).LastOrDefault();
        return newest ?? throw new InvalidOperationException($"No Microsoft.NETCore.App.Ref 10.x pack under {packs}; set ORACLE_REF_PACK.");
    }
}
