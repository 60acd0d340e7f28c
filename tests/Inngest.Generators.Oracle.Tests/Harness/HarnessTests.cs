using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Inngest.Generators.Oracle.Tests.Build;

namespace Inngest.Generators.Oracle.Tests.Harness;

/// <summary>The harness itself: both generators load, the comparison can fail, and in-memory equals in-build.</summary>
public sealed class HarnessTests
{
    private static readonly BuildAccount[] s_values = [new("a", 3, null), new("h\u00e9llo", -1, "pro")];

    [Fact]
    public void Both_generators_and_our_analyzers_are_loaded()
    {
        var names = CompilerSetup.Generators.Select(g => g.GetGeneratorType().FullName).ToList();
        Assert.Contains("System.Text.Json.SourceGeneration.JsonSourceGenerator", names);
        Assert.Contains(names, n => n!.StartsWith("Inngest.Generators.", StringComparison.Ordinal));
        Assert.NotEmpty(CompilerSetup.OurAnalyzers);
    }

    [Fact]
    public void The_right_oracle_agrees_with_the_in_build_generated_metadata() =>
        Assert.Empty(OracleComparer.Compare(BuildOracleContext.Default.Options, s_values, [new OracleInputAttribute("""{"accountId":"x","seats":"2"}""")]));

    [Fact]
    public void A_wrong_oracle_is_reported_for_writing_and_reading()
    {
        var failures = OracleComparer.Compare(WrongOracleContext.Default.Options, s_values, [new OracleInputAttribute("""{"AccountId":"x","Seats":"2"}""")]);
        Assert.Contains(failures, f => f.Contains("write (fast path)", StringComparison.Ordinal) && f.Contains("\"AccountId\":\"a\"", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("write (metadata path)", StringComparison.Ordinal));
        // Default options do not read numbers from strings; ours (Web) do: a different outcome.
        Assert.Contains(failures, f => f.StartsWith("input ", StringComparison.Ordinal));
    }

    [Fact]
    public void In_memory_compilation_runs_both_generators_and_a_clean_case_matches()
    {
        var source = """
            namespace Inngest.Generators.Oracle.Tests.Build;
            [Inngest.InngestEvent("oracle/build.account")]
            public sealed partial record BuildAccount(string AccountId, int Seats, string? Plan);
            """;
        var compiled = CaseCompiler.Compile("Inngest.Generators.Oracle.Tests", [source]);
        Assert.Empty(compiled.Errors);
        Assert.Contains(compiled.GeneratedSources, s => s.Generator == "InngestEventGenerator");
        Assert.Contains(compiled.GeneratedSources, s => s.Generator == "JsonSourceGenerator");
        Assert.Empty(CaseRunner.Judge(compiled, "BuildAccount", s_values.Select(v => (object?)null).Where(v => v is not null), 10));
    }
}
