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

    /// <summary>Whether some compile error is in code System.Text.Json's generator emitted (its own limitation, not ours).</summary>
    public bool OracleCodeFailsToCompile => Errors.Any(e => e.Location.SourceTree?.FilePath.Contains("JsonSourceGenerator", StringComparison.Ordinal) == true);

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
