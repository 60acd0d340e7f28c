using System.Collections.Immutable;
using Inngest.Generators.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Generators.Diagnostics;

/// <summary>
/// INNG019: an <c>[InngestEvent]</c> type's <c>IInngestEventUpgrade&lt;TSelf, TPrevious&gt;</c> must upgrade to the type
/// itself from an earlier version of the same event: <c>TPrevious</c> carries <c>[InngestEvent]</c> with the same name
/// and a Version that sorts before the type's (none sorts first).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UpgradeSourceAnalyzer : EventTypeAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.InvalidUpgradeSource);

    /// <inheritdoc />
    private protected override void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, EventAttributeInfo info, object? state)
    {
        foreach (var (self, previous) in ReceivingRules.Upgrades(type))
        {
            var problem = Problem(type, info, self, previous, context);
            if (problem is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.InvalidUpgradeSource,
                    info.IdentifierLocation,
                    info.DisplayName,
                    self.ToDisplayString(EventAttributeInfo.TypeFormat),
                    previous.ToDisplayString(EventAttributeInfo.TypeFormat),
                    problem));
            }
        }
    }

    private static string? Problem(INamedTypeSymbol type, EventAttributeInfo info, ITypeSymbol self, ITypeSymbol previous, SymbolAnalysisContext context)
    {
        if (!SymbolEqualityComparer.Default.Equals(self, type))
        {
            return "TSelf is not '" + info.DisplayName + "' itself";
        }

        if (SymbolEqualityComparer.Default.Equals(previous, type))
        {
            return "a type cannot upgrade from itself";
        }

        var attributeType = context.Compilation.GetTypeByMetadataName(EventTypeRules.AttributeMetadataName);
        if (previous is not INamedTypeSymbol named || attributeType is null
            || EventAttributeInfo.TryRead(named, attributeType, context.CancellationToken) is not { } earlier)
        {
            return "'" + previous.ToDisplayString(EventAttributeInfo.TypeFormat) + "' is not an [InngestEvent] type";
        }

        if (!string.Equals(earlier.Name, info.Name, System.StringComparison.Ordinal))
        {
            return "'" + earlier.DisplayName + "' declares the event \"" + earlier.Name + "\", not \"" + info.Name + "\"";
        }

        if (ReceivingRules.CompareVersions(earlier.Version, info.Version) >= 0)
        {
            return "its Version " + Describe(earlier.Version) + " is not earlier than " + Describe(info.Version);
        }

        return null;
    }

    private static string Describe(string? version) => version is null ? "(none)" : "\"" + version + "\"";
}
