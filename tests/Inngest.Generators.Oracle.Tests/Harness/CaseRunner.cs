using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Generators.Oracle.Tests.Harness;

/// <summary>
/// Runs one case against the oracle: compiles its file (once per file; a file with any error or
/// diagnostic is recompiled per case, so each case is judged on its own), then compares.
/// </summary>
internal static class CaseRunner
{
    private static readonly ConcurrentDictionary<string, Lazy<CompiledCases>> s_compiled = new();

    public static string Source(string file)
    {
        using var stream = typeof(CaseRunner).Assembly.GetManifestResourceStream("Cases/" + file)
            ?? throw new InvalidOperationException($"No embedded case file Cases/{file}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static IEnumerable<string> CaseFiles() => typeof(CaseRunner).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("Cases/", StringComparison.Ordinal)).Select(n => n["Cases/".Length..]);

    public static CompiledCases CompiledFor(string file, string caseName)
    {
        var batch = Compiled(file, null, withOracleContext: true);
        if (batch.IsClean)
        {
            return batch;
        }

        var single = Compiled(file, caseName, withOracleContext: true);
        return single.OracleCodeFailsToCompile ? Compiled(file, caseName, withOracleContext: false) : single;
    }

    private static CompiledCases Compiled(string file, string? onlyCase, bool withOracleContext) =>
        s_compiled.GetOrAdd($"{file}|{onlyCase}|{withOracleContext}", _ => new Lazy<CompiledCases>(() => CaseCompiler.Compile(file, [Source(file)], onlyCase, withOracleContext))).Value;

    /// <summary>Asserts that <paramref name="caseName"/> in <paramref name="file"/> behaves as the oracle does.</summary>
    public static void Check(string file, string caseName)
    {
        var compiled = CompiledFor(file, caseName);
        var failures = Judge(compiled, caseName, SamplesFor(compiled, caseName), OracleSettings.SamplesPerCase);
        if (failures.Count > 0)
        {
            Assert.Fail($"{file} / {caseName}: {failures.Count} difference(s) from System.Text.Json's generator\n" + string.Join("\n", failures.Take(12)));
        }
    }

    /// <summary>
    /// A known gap: <paramref name="caseName"/> still differs from the oracle in the way the project README's
    /// "Known gaps" table says. Passes while it differs, and fails the day it matches, so the gap cannot close
    /// (or the case stop testing it) without the table and the test being updated.
    /// </summary>
    public static void CheckKnownGap(string file, string caseName)
    {
        var compiled = CompiledFor(file, caseName);
        var failures = Judge(compiled, caseName, SamplesFor(compiled, caseName), OracleSettings.SamplesPerCase);
        Assert.True(failures.Count > 0,
            $"{file} / {caseName} now matches System.Text.Json's generator: call Check() instead of CheckKnownGap() and remove the case from the README's Known gaps table.");
    }

    /// <summary>
    /// Checks the cases of a file against the oracle alone (compiled without our generator, so this holds
    /// whatever state ours is in): every <see cref="OracleInputAttribute.Expect"/> holds, and every case has
    /// values the oracle writes without throwing, so no case is vacuous.
    /// </summary>
    public static List<string> CheckCasesThemselves(string file)
    {
        var compiled = s_compiled.GetOrAdd($"{file}|oracle-only", _ => new Lazy<CompiledCases>(() => CaseCompiler.Compile(file, [Source(file)], withOurGenerator: false))).Value;
        if (compiled.OracleCodeFailsToCompile)
        {
            // System.Text.Json's generator cannot compile some case here; reflection is the oracle for the file.
            compiled = s_compiled.GetOrAdd($"{file}|reflection-only", _ => new Lazy<CompiledCases>(() => CaseCompiler.Compile(file, [Source(file)], withOracleContext: false, withOurGenerator: false))).Value;
        }

        var problems = compiled.Errors.Select(e => $"does not compile without our generator: {Describe(e)}").ToList();
        if (problems.Count > 0)
        {
            return problems;
        }

        foreach (var caseName in compiled.EventTypeNames.Distinct())
        {
            foreach (var type in compiled.Assembly!.GetTypes().Where(t => t.Name == caseName && t.GetCustomAttribute<InngestEventAttribute>() is not null))
            {
                var random = new ValueGen(type, [compiled.Assembly]);
                var pcg = new PCG(1, OracleSettings.SeedFor(compiled.Name + "/" + type.FullName));
                var values = SamplesFor(compiled, type).Concat(Enumerable.Range(0, OracleSettings.SamplesPerCase).Select(_ => random.Generate(pcg, null, out Size _)).Where(v => v is not null)).ToList();
                var check = typeof(CaseRunner).GetMethod(nameof(OracleOnlyTyped), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
                var oracle = compiled.HasOracleContext && !compiled.OracleDiagnostics.Any(CompiledCases.OracleCannotDescribe) ? compiled.OracleOptions : ReflectionOracle.Options;
                problems.AddRange(((List<string>)check.Invoke(null, [oracle, values, type.GetCustomAttributes<OracleInputAttribute>().ToList()])!).Select(p => $"{caseName}: {p}"));
            }
        }

        return problems;
    }

    private static List<string> OracleOnlyTyped<T>(System.Text.Json.JsonSerializerOptions oracle, List<object?> values, List<OracleInputAttribute> inputs) =>
        OracleComparer.CheckOracleAlone(oracle, values.Cast<T>(), inputs);

    /// <summary>
    /// Warnings of ours about a behaviour System.Text.Json's generator shares but does not always report: an inaccessible
    /// [JsonInclude] accessor (INNG014) or member converter (INNG016) of a library's type. STJ's generator warns for such
    /// members in source (SYSLIB1038, SYSLIB1220) but often not for a library's; the run-time comparison that follows still
    /// requires the same behaviour, so these warnings cannot hide a difference.
    /// </summary>
    private static readonly HashSet<string> SharedSilentDifferences = new(StringComparer.Ordinal) { "INNG014", "INNG016" };

    /// <summary>Everything that differs for one case of a compilation; empty when it matches the oracle.</summary>
    public static List<string> Judge(CompiledCases compiled, string caseName, IEnumerable<object?> handValues, int randomValues, IReadOnlyList<Assembly>? libraries = null)
    {
        var failures = new List<string>();
        // Our generated code must compile whatever else holds (errors in the oracle's code were compiled away).
        foreach (var error in compiled.Errors.Take(8))
        {
            failures.Add($"compile error {Describe(error)}{GeneratedLine(compiled, error)}");
        }

        var limits = compiled.OracleDiagnostics.Where(CompiledCases.OracleCannotDescribe).ToList();
        if (limits.Count > 0)
        {
            // The oracle cannot describe the case: ours must say so for the same members instead.
            foreach (var syslib in limits)
            {
                var names = NamesIn(syslib);
                var covered = compiled.OurDiagnostics.Any(d => CompiledCases.IsReported(d) && d.Id.StartsWith("INNG", StringComparison.Ordinal)
                    && names.Any(n => MemberName(d.Location) == n || d.GetMessage().Contains(n, StringComparison.Ordinal)));
                if (!covered)
                {
                    failures.Add($"the oracle reports {Describe(syslib)}; ours reports nothing for '{string.Join("' or '", names)}'. Ours: [{string.Join("; ", compiled.OurDiagnostics.Select(Describe))}]");
                }
            }

            return failures;
        }

        // A diagnostic of ours is a difference unless the oracle warns about the same member too (SYSLIB1034
        // and INNG015 both flag the non-generic JsonStringEnumConverter, for example).
        var oracleNames = compiled.OracleDiagnostics.SelectMany(NamesIn).ToHashSet(StringComparer.Ordinal);
        foreach (var diagnostic in compiled.OurDiagnostics.Where(CompiledCases.IsReported).Where(d => !SharedSilentDifferences.Contains(d.Id)))
        {
            if (!oracleNames.Contains(MemberName(diagnostic.Location) ?? "") && !oracleNames.Any(n => diagnostic.GetMessage().Contains("." + n + "'", StringComparison.Ordinal)))
            {
                failures.Add($"ours reports {Describe(diagnostic)}, the oracle handles the case without a diagnostic");
            }
        }

        if (!compiled.Errors.IsEmpty)
        {
            return failures;
        }

        failures.AddRange(Judge(compiled, compiled.EventType(caseName), handValues, randomValues, libraries));
        return failures;
    }

    /// <summary>The run-time comparisons for one event type of a compilation that built.</summary>
    public static List<string> Judge(CompiledCases compiled, Type type, IEnumerable<object?> handValues, int randomValues, IReadOnlyList<Assembly>? libraries = null)
    {
        var failures = new List<string>();
        if (type.GetInterfaces().All(i => !i.IsGenericType || i.GetGenericTypeDefinition() != typeof(IInngestEventData<>)))
        {
            failures.Add($"{type.FullName} does not implement IInngestEventData<T>: our generator generated nothing for it");
            return failures;
        }

        CheckSendMethod(compiled, type, failures);

        var random = new ValueGen(type, [compiled.Assembly!, .. libraries ?? []]);
        var pcg = new PCG(1, OracleSettings.SeedFor(compiled.Name + "/" + type.FullName));
        var values = handValues.Concat(Enumerable.Range(0, randomValues).Select(_ => random.Generate(pcg, null, out Size _)).Where(v => v is not null)).ToList();
        if (values.Count == 0 && randomValues > 0)
        {
            failures.Add($"no value of {type.FullName} could be built to compare (the value builder returned only null)");
        }

        var inputs = type.GetCustomAttributes<OracleInputAttribute>().ToList();
        var runtimeTypes = compiled.Assembly!.GetTypes().Where(t => t.GetCustomAttribute<OracleRuntimeTypeAttribute>() is not null).ToList();

        var compare = typeof(CaseRunner).GetMethod(nameof(CompareTyped), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
        try
        {
            failures.AddRange((List<string>)compare.Invoke(null, [compiled.OracleOptions, values, inputs, runtimeTypes])!);
            if (!compiled.HasOracleContext && failures.Count > 0)
            {
                failures.Insert(0, "(System.Text.Json's generator emits code that does not compile for this case, so the oracle here is System.Text.Json reflection with the same Web options)");
            }
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            failures.Add($"the comparison itself failed: {e.InnerException}");
        }

        return failures;
    }

    private static List<string> CompareTyped<T>(System.Text.Json.JsonSerializerOptions oracle, List<object?> values, List<OracleInputAttribute> inputs, List<Type> runtimeTypes)
        where T : IInngestEventData<T> => OracleComparer.Compare(oracle, values.Cast<T>(), inputs, runtimeTypes);

    /// <summary>Hand-picked values: every static member of a <c>Samples</c> class in the case's file returning T or a sequence of T.</summary>
    public static IEnumerable<object?> SamplesFor(CompiledCases compiled, string caseName)
    {
        if (compiled.Assembly is null || !compiled.Errors.IsEmpty || compiled.OracleDiagnostics.Any(CompiledCases.OracleCannotDescribe))
        {
            return [];
        }

        return SamplesFor(compiled, compiled.EventType(caseName));
    }

    private static IEnumerable<object?> SamplesFor(CompiledCases compiled, Type type)
    {
        var found = new List<object?>();
        foreach (var samples in compiled.Assembly!.GetTypes().Where(t => t.Name == "Samples"))
        {
            foreach (var method in samples.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.GetParameters().Length == 0))
            {
                if (method.ReturnType == type)
                {
                    found.Add(method.Invoke(null, null));
                }
                else if (typeof(IEnumerable).IsAssignableFrom(method.ReturnType) && method.ReturnType.IsGenericType && method.ReturnType.GetGenericArguments()[0] == type)
                {
                    found.AddRange(((IEnumerable)method.Invoke(null, null)!).Cast<object?>());
                }
            }
        }

        return found;
    }

    /// <summary>Table row 1: the send method exists and is callable from the event's assembly (public or internal).</summary>
    private static void CheckSendMethod(CompiledCases compiled, Type type, List<string> failures)
    {
        var methods = compiled.Assembly!.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(m => m.Name.StartsWith("Send", StringComparison.Ordinal) && m.Name.EndsWith("Async", StringComparison.Ordinal)
                && m.GetParameters() is [{ ParameterType.Name: "IInngestClient" }, var data, ..] && data.ParameterType == type).ToList();
        if (methods.Count == 0)
        {
            failures.Add($"no Send...Async(IInngestClient, {type.Name}) method was generated");
        }
        else if (methods.Any(m => !(m.IsPublic || m.IsAssembly) || !(m.DeclaringType!.IsPublic || m.DeclaringType.IsNotPublic || m.DeclaringType.IsNestedPublic || m.DeclaringType.IsNestedAssembly)))
        {
            failures.Add($"the generated {methods[0].Name} is not callable from the assembly (neither public nor internal)");
        }
    }

    private static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return $"{d.Id} {d.Severity} at {Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1}): {d.GetMessage()}";
    }

    private static string GeneratedLine(CompiledCases compiled, Diagnostic error)
    {
        var tree = error.Location.SourceTree;
        if (tree is null || !tree.FilePath.Contains(".g.cs", StringComparison.Ordinal))
        {
            return "";
        }

        var line = tree.GetText().Lines[error.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim();
        return $"\n      generated line: {line}";
    }

    /// <summary>The member names an oracle diagnostic is about: where it points, and the names its message quotes.</summary>
    private static List<string> NamesIn(Diagnostic diagnostic)
    {
        var names = System.Text.RegularExpressions.Regex.Matches(diagnostic.GetMessage(), "'([A-Za-z_][\\w.]*)'")
            .Select(m => m.Groups[1].Value.Split('.')[^1]).ToList();
        if (MemberName(diagnostic.Location) is { Length: > 0 } located)
        {
            names.Insert(0, located);
        }

        return names.Distinct().ToList();
    }

    /// <summary>The name of the member (property, field, parameter, type) a diagnostic points into.</summary>
    public static string? MemberName(Location location)
    {
        if (!location.IsInSource)
        {
            return null;
        }

        var node = location.SourceTree!.GetRoot().FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case ParameterSyntax p:
                    return p.Identifier.ValueText;
                case PropertyDeclarationSyntax p:
                    return p.Identifier.ValueText;
                case VariableDeclaratorSyntax v:
                    return v.Identifier.ValueText;
                case BaseTypeDeclarationSyntax t:
                    return t.Identifier.ValueText;
            }
        }

        return null;
    }
}
