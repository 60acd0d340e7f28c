using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Inngest.Generators.Tests.Generator;

/// <summary>The generated code compiles cleanly (nullable on, every warning an error) against .NET 8 and .NET 10.</summary>
public sealed class CompileTests
{
    public static IEnumerable<object[]> Targets()
    {
        yield return new object[] { "net8.0" };
        yield return new object[] { "net10.0" };
    }

    private static IEnumerable<MetadataReference> References(string target) => target == "net8.0" ? GeneratorHarness.Net80 : GeneratorHarness.Net100;

    [Theory]
    [MemberData(nameof(Targets))]
    public void Representative_input_compiles_without_warnings(string target)
    {
        const string usage = """
            namespace Sample.Usage
            {
                using System.Threading.Tasks;
                using Inngest;
                using Sample.Events;

                public static class Calls
                {
                    public static Task<InngestSendResult> One(IInngestClient client)
                        => client.SendOrderPlacedAsync(default!, user: new InngestUser { ExternalId = "u" }, id: "i");

                    public static Task<InngestSendResult> Many(IInngestClient client, OrderPlaced[] orders)
                        => client.SendOrderPlacedAsync(orders);

                    public static Task<InngestSendResult> Global(IInngestClient client)
                        => client.SendGlobalThingAsync(new global::GlobalThing { Count = 1 });

                    public static string Name => OrderPlaced.EventName + OrderPlaced.EventVersion;
                }
            }
            """;
        AssertCleanCompile(Samples.Representative + "\n" + usage, target);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Whole_parity_corpus_compiles_without_warnings(string target)
    {
        var corpus = System.IO.File.ReadAllText(System.IO.Path.Combine(CorpusDirectory(), "Payloads.cs"));
        AssertCleanCompile(corpus, target);
    }

    [Fact]
    public void Two_assemblies_that_see_each_others_internals_do_not_clash()
    {
        const string first = """
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Second")]
            namespace Shared.Events
            {
                [Inngest.InngestEvent("app/first.happened")]
                public sealed partial record FirstHappened(string Id);
            }
            """;
        var (firstOutput, _, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(first, assemblyName: "First"));
        using var stream = new System.IO.MemoryStream();
        var emit = firstOutput.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var firstReference = MetadataReference.CreateFromImage(stream.ToArray());

        const string second = """
            namespace Shared.Events
            {
                [Inngest.InngestEvent("app/second.happened")]
                public sealed partial record SecondHappened(string Id, FirstHappened First);

                public static class Uses
                {
                    public static System.Threading.Tasks.Task Both(Inngest.IInngestClient client)
                        => client.SendFirstHappenedAsync(new FirstHappened("1"))
                            .ContinueWith(_ => client.SendSecondHappenedAsync(new SecondHappened("2", new FirstHappened("1"))));
                }
            }
            """;
        var compilation = GeneratorHarness.Compilation(second, GeneratorHarness.Net80.Append(firstReference), assemblyName: "Second");
        var (output, diagnostics, _) = GeneratorHarness.Run(compilation);
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    private static void AssertCleanCompile(string source, string target)
    {
        // Documentation checks on (as with GenerateDocumentationFile): the generated public API must be
        // documented; the hand-written sample itself is not, so its missing-comment warnings are ignored.
        var (output, generatorDiagnostics, sources) = GeneratorHarness.Run(GeneratorHarness.Compilation(source, References(target), documented: true), documented: true);
        Assert.Empty(generatorDiagnostics);
        Assert.NotEmpty(sources);
        static bool Relevant(Diagnostic d)
            => d.Severity >= DiagnosticSeverity.Warning && !(d.Id == "CS1591" && d.Location.SourceTree?.FilePath == "Events.cs");
        var problems = output.GetDiagnostics().Where(Relevant).ToArray();
        Assert.True(problems.Length == 0, target + ":\n" + string.Join("\n", problems.Select(p => p.ToString())));
        using var stream = new System.IO.MemoryStream();
        var emit = output.Emit(stream);
        Assert.Empty(emit.Diagnostics.Where(Relevant));
    }

    private static string CorpusDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "")
        => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(path))!, "Corpus");
}
