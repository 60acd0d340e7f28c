using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Inngest.EntityFrameworkCore;
using Inngest.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.EntityFrameworkCore;

namespace Inngest.Outbox.Tests.Generator;

/// <summary>
/// The typed enqueue methods come from the generator only when the compilation references the outbox package, they
/// compile, and the step that makes them stays cached when unrelated code changes.
/// </summary>
public sealed class EnqueueGenerationTests
{
    private const string Source = """
        namespace Shop;

        [Inngest.InngestEvent("shop/invoice.paid")]
        public sealed partial record InvoicePaid(string InvoiceId);

        public static class Use
        {
            public static void Run(Inngest.EntityFrameworkCore.InngestOutbox outbox) => outbox.EnqueueInvoicePaid(new InvoicePaid("inv-1"), id: "inv-1");
        }
        """;

    [Fact]
    public void A_compilation_that_references_the_outbox_gets_typed_enqueue_methods_that_compile()
    {
        var (driver, compilation) = Run(withOutbox: true, Source);
        var result = driver.GetRunResult();
        Assert.Contains(result.GeneratedTrees, t => t.FilePath.EndsWith(".Outbox.g.cs", StringComparison.Ordinal));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_compilation_without_the_outbox_gets_no_extra_code()
    {
        var (driver, _) = Run(withOutbox: false, "[Inngest.InngestEvent(\"shop/invoice.paid\")] public sealed partial record InvoicePaid(string InvoiceId);");
        var result = driver.GetRunResult();
        Assert.NotEmpty(result.GeneratedTrees);
        Assert.DoesNotContain(result.GeneratedTrees, t => t.FilePath.EndsWith(".Outbox.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(result.GeneratedTrees, t => t.ToString().Contains("InngestOutbox", StringComparison.Ordinal));
    }

    [Fact]
    public void The_enqueue_step_is_cached_when_unrelated_code_changes()
    {
        var (driver, compilation) = Run(withOutbox: true, Source);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Shop; public static class Unrelated { public const int X = 1; }", new CSharpParseOptions(LanguageVersion.Latest)));
        driver = driver.RunGenerators(edited);
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        var outputs = steps["InngestOutboxInput"].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.All(steps["InngestHasOutbox"].SelectMany(s => s.Outputs), o => Assert.NotEqual(IncrementalStepRunReason.Modified, o.Reason));
    }

    private static (GeneratorDriver Driver, Compilation Output) Run(bool withOutbox, string source)
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var references = new List<MetadataReference>(platform) { MetadataReference.CreateFromFile(typeof(InngestEvent).Assembly.Location) };
        if (withOutbox)
        {
            references.Add(MetadataReference.CreateFromFile(typeof(InngestOutbox).Assembly.Location));
            references.Add(MetadataReference.CreateFromFile(typeof(DbContext).Assembly.Location));
        }

        var compilation = CSharpCompilation.Create(
            "Shop.Events",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new InngestEventGenerator().AsSourceGenerator()],
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (driver, output);
    }
}
