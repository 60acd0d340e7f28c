using System;
using System.Linq;
using System.Reflection;
using Xunit.Abstractions;

namespace Inngest.Generators.Oracle.Tests.Harness;

/// <summary>
/// The hand-written corpus checked against the oracle alone (independent of our generator's state),
/// and every case covered by a test.
/// </summary>
public sealed class CorpusSelfTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files => new(CaseRunner.CaseFiles());

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_case_means_what_it_says_to_the_oracle(string file)
    {
        var problems = CaseRunner.CheckCasesThemselves(file);
        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_case_has_a_fact_named_after_it()
    {
        var classes = typeof(CaseFileTests).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CaseFileTests)) && !t.IsAbstract)
            .ToDictionary(t => ((CaseFileTests)Activator.CreateInstance(t)!).File);
        var missing = CaseRunner.CaseFiles().Where(f => f != "SameNameTwoNamespaces.cs").SelectMany(file =>
            CaseCompiler.EventTypeNames(CaseRunner.Source(file)).Where(name =>
                !classes.TryGetValue(file, out var tests) || tests.GetMethod(name, BindingFlags.Public | BindingFlags.Instance)?.GetCustomAttribute<FactAttribute>() is null)
            .Select(name => $"{file}: {name}")).ToList();
        Assert.Empty(missing);
    }
}
