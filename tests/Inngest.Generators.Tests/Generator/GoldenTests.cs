using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace Inngest.Generators.Tests.Generator;

/// <summary>The generated source for representative inputs, compared with reviewed golden files.</summary>
public sealed class GoldenTests
{
    [Fact]
    public void Simple_record_matches_golden_files()
    {
        var (_, diagnostics, sources) = GeneratorHarness.Run(GeneratorHarness.Compilation(Samples.AccountCreated));
        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "InngestEventRegistration.g.cs", "InngestJsonContext.g.cs", "Sample.Events.AccountCreated.InngestEvent.g.cs" }, sources.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        Golden.Match("AccountCreated.InngestEvent.g.cs.txt", sources["Sample.Events.AccountCreated.InngestEvent.g.cs"]);
        Golden.Match("AccountCreated.InngestEventRegistration.g.cs.txt", sources["InngestEventRegistration.g.cs"]);
        Golden.Match("AccountCreated.InngestJsonContext.g.cs.txt", sources["InngestJsonContext.g.cs"]);
    }

    [Fact]
    public void Representative_input_matches_golden_files()
    {
        var (_, diagnostics, sources) = GeneratorHarness.Run(GeneratorHarness.Compilation(Samples.Representative));
        Assert.Empty(diagnostics);
        Assert.Equal(
            new[] { "GlobalThing.InngestEvent.g.cs", "InngestEventRegistration.g.cs", "InngestJsonContext.g.cs", "Sample.Events.Internal_AuditLoggedEvent.InngestEvent.g.cs", "Sample.Events.OrderPlaced.InngestEvent.g.cs" },
            sources.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        foreach (var (hint, text) in sources)
        {
            Golden.Match("Representative." + hint + ".txt", text);

            // No reflection in generated code paths.
            foreach (var banned in new[] { "System.Reflection", "Activator.", "MakeGenericType", "DefaultJsonTypeInfoResolver", "JsonSerializableAttribute", "RequiresUnreferencedCode" })
            {
                Assert.DoesNotContain(banned, text, System.StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Types_the_analyzers_reject_generate_nothing()
    {
        const string source = """
            using Inngest;
            namespace Sample.Events;
            [InngestEvent("app/not.partial")] public sealed record NotPartial(string A);
            [InngestEvent("inngest/reserved")] public sealed partial record Reserved(string A);
            [InngestEvent("")] public sealed partial record EmptyName(string A);
            [InngestEvent("app/generic")] public sealed partial record Generic<T>(T A);
            [InngestEvent("app/bad.method", MethodName = "class")] public sealed partial record BadMethod(string A);
            public partial class Host { [InngestEvent("app/private")] private sealed partial record Hidden(string A); }
            """;
        var (_, diagnostics, sources) = GeneratorHarness.Run(GeneratorHarness.Compilation(source));
        Assert.Empty(diagnostics);
        Assert.Empty(sources);
    }

    [Theory]
    [InlineData(nameof(Samples.AccountCreated))]
    [InlineData(nameof(Samples.Representative))]
    public async Task Source_generator_test_produces_the_expected_sources_and_they_compile(string sample)
    {
        var source = sample == nameof(Samples.AccountCreated) ? Samples.AccountCreated : Samples.Representative;
        var test = new CSharpSourceGeneratorTest<InngestEventGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestState =
            {
                Sources = { source },
                AdditionalReferences = { GeneratorHarness.RuntimeReference },
            },
        };

        // The golden run compiles with nullable annotations on, which the JSON schema follows: so does this one.
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectCompilationOptions(projectId,
            ((Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!).WithNullableContextOptions(Microsoft.CodeAnalysis.NullableContextOptions.Enable)));

        // The testing library names the assembly TestProject, which the generated names derive from;
        // the expected text is the golden output for that name (the golden tests pin the text itself).
        var (_, _, sources) = GeneratorHarness.Run(GeneratorHarness.Compilation(source, assemblyName: "TestProject"));
        Assert.Contains("InngestJsonContext_TestProject_", sources["InngestJsonContext.g.cs"], System.StringComparison.Ordinal);
        foreach (var (hint, text) in sources.OrderBy(p => p.Key, System.StringComparer.Ordinal))
        {
            test.TestState.GeneratedSources.Add((typeof(InngestEventGenerator), hint, SourceText.From(text, System.Text.Encoding.UTF8)));
        }

        await test.RunAsync();
    }
}
