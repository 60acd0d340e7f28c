using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Inngest.Generators.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Generators.Diagnostics;

/// <summary>
/// Checks the versions of each event name across the compilation, once the upgrade steps are known: a step that skips a
/// version in between (a gap) or two steps from the same version (a fork) is INNG017; two records of one name of which
/// neither is upgraded to (both are the latest) is INNG018. Steps INNG019 rejects are left out. Reported at compilation end.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class VersionChainAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.VersionChainBroken,
        DiagnosticDescriptors.SeveralLatestVersions);

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
                    if (EventAttributeInfo.TryRead((INamedTypeSymbol)symbolContext.Symbol, attributeType, symbolContext.CancellationToken) is { Name: not null } info)
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
        var byName = new Dictionary<string, List<EventAttributeInfo>>(StringComparer.Ordinal);
        foreach (var info in events)
        {
            if (!byName.TryGetValue(info.Name!, out var list))
            {
                byName[info.Name!] = list = new List<EventAttributeInfo>();
            }

            list.Add(info);
        }

        foreach (var group in byName.Values)
        {
            if (group.Count > 1)
            {
                // A stable order, so the diagnostics name the same types on every run.
                group.Sort(static (a, b) => ReceivingRules.CompareVersions(a.Version, b.Version) is var byVersion and not 0 ? byVersion : string.CompareOrdinal(a.QualifiedName, b.QualifiedName));
                ReportGroup(context, group);
            }
        }
    }

    private static void ReportGroup(CompilationAnalysisContext context, List<EventAttributeInfo> group)
    {
        // The valid steps only: newer -> older, same name, older version (INNG019 reports the rest).
        var previousOf = new Dictionary<EventAttributeInfo, EventAttributeInfo>();
        var upgradedTo = new Dictionary<EventAttributeInfo, List<EventAttributeInfo>>();
        foreach (var info in group)
        {
            if (ReceivingRules.PreviousVersion(info.Type) is not { } previousType)
            {
                continue;
            }

            var previous = group.Find(candidate => SymbolEqualityComparer.Default.Equals(candidate.Type, previousType));
            if (previous is null || ReceivingRules.CompareVersions(previous.Version, info.Version) >= 0)
            {
                continue;
            }

            previousOf[info] = previous;
            if (!upgradedTo.TryGetValue(previous, out var newer))
            {
                upgradedTo[previous] = newer = new List<EventAttributeInfo>();
            }

            newer.Add(info);
        }

        var broken = false;
        foreach (var pair in upgradedTo)
        {
            if (pair.Value.Count > 1)
            {
                broken = true;
                foreach (var newer in pair.Value)
                {
                    var other = pair.Value[pair.Value[0] == newer ? 1 : 0];
                    Broken(context, newer, pair.Key, "'" + other.DisplayName + "' upgrades from it too (a fork)");
                }
            }
        }

        foreach (var pair in previousOf)
        {
            var (newer, previous) = (pair.Key, pair.Value);
            var between = group.Find(candidate => ReceivingRules.CompareVersions(candidate.Version, previous.Version) > 0
                && ReceivingRules.CompareVersions(candidate.Version, newer.Version) < 0);
            if (between is not null)
            {
                broken = true;
                Broken(context, newer, previous, "'" + between.DisplayName + "' (" + Describe(between.Version) + ") lies between them (a gap)");
            }
        }

        if (broken)
        {
            return;
        }

        var latest = group.FindAll(info => !upgradedTo.ContainsKey(info));
        for (var i = 0; latest.Count > 1 && i < latest.Count; i++)
        {
            var other = latest[i == latest.Count - 1 ? i - 1 : latest.Count - 1];
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.SeveralLatestVersions, latest[i].IdentifierLocation, latest[i].QualifiedName, other.QualifiedName, latest[i].Name));
        }
    }

    private static void Broken(CompilationAnalysisContext context, EventAttributeInfo newer, EventAttributeInfo previous, string why)
        => context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.VersionChainBroken, newer.IdentifierLocation, newer.QualifiedName, previous.QualifiedName, why, newer.Name));

    private static string Describe(string? version) => version is null ? "no Version" : "Version \"" + version + "\"";
}
