using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Inngest.Generators.Oracle.Tests.Harness;

/// <summary>One in-memory compilation of case sources with both generators, and what came out of it.</summary>
internal sealed class CompiledCases
{
    public required string Name { get; init; }

    public required Compilation Compilation { get; init; }

    /// <summary>False when System.Text.Json's generator could not compile the case and reflection is the oracle.</summary>
    public required bool HasOracleContext { get; init; }

    /// <summary>
    /// Whether System.Text.Json's generator threw, or some compile error is in code it emitted (its own
    /// limitation, not ours): reflection is the oracle then.
    /// </summary>
    public bool OracleCodeFailsToCompile => HasOracleContext && (!OracleCrashes.IsEmpty || Errors.Any(e => e.Location.SourceTree?.FilePath.Contains("JsonSourceGenerator", StringComparison.Ordinal) == true));

    /// <summary>CS8785 reports of System.Text.Json's generator throwing.</summary>
    public required ImmutableArray<Diagnostic> OracleCrashes { get; init; }

    /// <summary>Simple names of the <c>[InngestEvent]</c> types compiled.</summary>
    public required ImmutableArray<string> EventTypeNames { get; init; }

    /// <summary>SYSLIB diagnostics System.Text.Json's generator reported.</summary>
    public required ImmutableArray<Diagnostic> OracleDiagnostics { get; init; }

    /// <summary>Diagnostics from our generator (it should report none) and our analyzers.</summary>
    public required ImmutableArray<Diagnostic> OurDiagnostics { get; init; }

    /// <summary>Compile errors after both generators ran.</summary>
    public required ImmutableArray<Diagnostic> Errors { get; init; }

    public required ImmutableArray<(string Generator, string HintName, string Text)> GeneratedSources { get; init; }

    public CaseLoadContext? LoadContext { get; init; }

    public Assembly? Assembly { get; init; }

    /// <summary>
    /// This compilation as seen by one case of it: the diagnostics located in that case's declaration
    /// (ours), or on the oracle context's <c>[JsonSerializable]</c> entry for it (SYSLIB), plus any that
    /// cannot be placed. Null when something cannot be attributed safely (compile errors, a crash of the
    /// oracle, a SYSLIB diagnostic on another entry's types): compile the case alone then.
    /// </summary>
    public CompiledCases? For(string caseName)
    {
        if (!Errors.IsEmpty || !OracleCrashes.IsEmpty || Assembly is null)
        {
            return null;
        }

        string? Owner(Diagnostic d)
        {
            if (!d.Location.IsInSource)
            {
                return null;
            }

            var node = d.Location.SourceTree!.GetRoot().FindNode(d.Location.SourceSpan);
            if (node.AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>().LastOrDefault(t => EventTypeNames.Contains(t.Identifier.ValueText)) is { } type)
            {
                return type.Identifier.ValueText;
            }

            // The oracle context's entry: [JsonSerializable(typeof(global::Ns.Case), TypeInfoPropertyName = "...")].
            var line = d.Location.SourceTree.GetText().Lines[d.Location.GetLineSpan().StartLinePosition.Line].ToString();
            return EventTypeNames.FirstOrDefault(n => line.Contains("." + n + ")", StringComparison.Ordinal));
        }

        // System.Text.Json's generator reports what it meets deep in a type graph at the context class, often as
        // an external-file location (it keeps locations cache-friendly): such a diagnostic belongs to no case
        // in particular, so with several cases in the compilation each is compiled alone instead.
        if (OracleDiagnostics.Any(d => Owner(d) is null && (d.Location.IsInSource || EventTypeNames.Length > 1)))
        {
            return null;
        }

        var oracle = OracleDiagnostics.Where(d => Owner(d) is var owner && (owner == caseName || owner is null)).ToImmutableArray();

        return new CompiledCases
        {
            Name = Name,
            Compilation = Compilation,
            HasOracleContext = HasOracleContext,
            EventTypeNames = [caseName],
            OracleDiagnostics = oracle,
            OracleCrashes = OracleCrashes,
            OurDiagnostics = OurDiagnostics.Where(d => Owner(d) is var owner && (owner == caseName || owner is null)).ToImmutableArray(),
            Errors = Errors,
            GeneratedSources = GeneratedSources,
            LoadContext = LoadContext,
            Assembly = Assembly,
        };
    }

    /// <summary>Whether anything asks for a closer look case by case (errors or any diagnostic).</summary>
    public bool IsClean => Errors.IsEmpty && OracleDiagnostics.IsEmpty && !OurDiagnostics.Any(IsReported);

    public static bool IsReported(Diagnostic d) => d.Severity >= DiagnosticSeverity.Warning;

    /// <summary>
    /// Whether a SYSLIB diagnostic means System.Text.Json's generator cannot describe part of the case
    /// (then ours must report it too). SYSLIB1034 is not one: the non-generic JsonStringEnumConverter works
    /// there (it is only not AOT-safe), and ours is required to emit the AOT-safe generic one instead.
    /// </summary>
    public static bool OracleCannotDescribe(Diagnostic d) => d.Id != "SYSLIB1034";

    public Type EventType(string caseName) => Assembly!.GetTypes().SingleOrDefault(t => t.Name == caseName && t.GetCustomAttribute<InngestEventAttribute>() is not null)
        ?? throw new InvalidOperationException($"{Name}: no [InngestEvent] type named {caseName}.");

    /// <summary>
    /// The oracle's metadata resolver: the System.Text.Json-generated context, or (when its code does not
    /// compile) System.Text.Json's reflection resolver with the same Web options.
    /// </summary>
    public System.Text.Json.JsonSerializerOptions OracleOptions
    {
        get
        {
            if (!HasOracleContext)
            {
                return ReflectionOracle.Options;
            }

            var type = Assembly!.GetType(CaseCompiler.OracleContextName, throwOnError: true)!;
            return ((System.Text.Json.Serialization.JsonSerializerContext)type.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).Options;
        }
    }
}
