using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Inngest.Internal;
using Inngest.Generators.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Generators.Diagnostics;

/// <summary>
/// Finds clashes between <c>[InngestEvent]</c> types of one compilation: the same name and version on two
/// types (INNG006) and two send methods with the same name and parameter types (INNG007; overloads on different payload types are fine). Each type in a
/// clash gets its own diagnostic, naming the types with their namespaces. Reported at compilation end, so IDEs show them with full-solution analysis.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EventCollisionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.DuplicateEvent,
        DiagnosticDescriptors.MethodNameCollision);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var attributeType = start.Compilation.GetTypeByMetadataName(EventTypeRules.AttributeMetadataName);
            if (attributeType is null)
            {
                return;
            }

            var events = new ConcurrentQueue<EventAttributeInfo>();
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var info = EventAttributeInfo.TryRead((INamedTypeSymbol)symbolContext.Symbol, attributeType, symbolContext.CancellationToken);
                    if (info is not null)
                    {
                        events.Enqueue(info);
                    }
                },
                SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end => Report(end, events.ToArray()));
        });
    }

    private static void Report(CompilationAnalysisContext context, EventAttributeInfo[] events)
    {
        if (events.Length < 2)
        {
            return;
        }

        // A stable order, so "declares too" names the same other type on every run.
        Array.Sort(events, static (a, b) => string.CompareOrdinal(a.QualifiedName, b.QualifiedName));

        // INNG006: the name must be valid (INNG001-003 report the others); a missing version is its own key.
        var byEvent = new Dictionary<(string Name, string? Version), List<EventAttributeInfo>>();
        var byMethod = new Dictionary<string, List<EventAttributeInfo>>(StringComparer.Ordinal);
        foreach (var info in events)
        {
            if (EventNameRules.Check(info.Name) == EventNameRules.Violation.None
                || (info.ReceiveOnly && EventNameRules.Check(info.Name) == EventNameRules.Violation.Reserved))
            {
                Add(byEvent, (info.Name!, info.Version), info);
            }

            // Overloads are fine: two send methods clash only with the same name and the same parameter types,
            // and the parameter types are the payload type (and IEnumerable of it).
            var methodName = info.EffectiveMethodName;
            if (!info.ReceiveOnly && EventTypeRules.IsValidMethodName(methodName))
            {
                Add(byMethod, methodName + "(" + info.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ")", info);
            }
        }

        foreach (var group in byEvent.Values)
        {
            for (var i = 0; group.Count > 1 && i < group.Count; i++)
            {
                var info = group[i];
                var other = group[i == 0 ? 1 : 0];
                var version = info.Version is null ? "without a Version" : "with Version \"" + info.Version + "\"";
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateEvent, info.NameLocation, info.QualifiedName, info.Name, version, other.QualifiedName));
            }
        }

        foreach (var group in byMethod.Values)
        {
            for (var i = 0; group.Count > 1 && i < group.Count; i++)
            {
                var info = group[i];
                var other = group[i == 0 ? 1 : 0];
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.MethodNameCollision, info.MethodNameLocation, info.QualifiedName, info.EffectiveMethodName, other.QualifiedName));
            }
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<EventAttributeInfo>> groups, TKey key, EventAttributeInfo info)
        where TKey : notnull
    {
        if (!groups.TryGetValue(key, out var list))
        {
            list = new List<EventAttributeInfo>();
            groups[key] = list;
        }

        list.Add(info);
    }
}
