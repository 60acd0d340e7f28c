using Microsoft.CodeAnalysis;

namespace Inngest.Generators.Rules;

/// <summary>
/// Rules about receiving events, shared by the generator and the analyzers: the <c>ReceiveOnly</c> attribute property,
/// the upgrade interface a record declares, and how versions of one event are ordered.
/// </summary>
internal static class ReceivingRules
{
    public const string UpgradeInterfaceMetadataName = "Inngest.IInngestEventUpgrade`2";

    public const string EventDataInterfaceMetadataName = "Inngest.IInngestEventData`1";

    /// <summary>The attribute's <c>ReceiveOnly</c> value (false when not set).</summary>
    public static bool ReadReceiveOnly(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "ReceiveOnly" && argument.Value.Value is bool value)
            {
                return value;
            }
        }

        return false;
    }

    /// <summary>
    /// The <c>IInngestEventUpgrade&lt;TSelf, TPrevious&gt;</c> interfaces the type declares directly, as (TSelf, TPrevious).
    /// </summary>
    public static System.Collections.Generic.List<(ITypeSymbol Self, ITypeSymbol Previous)> Upgrades(INamedTypeSymbol type)
    {
        var result = new System.Collections.Generic.List<(ITypeSymbol, ITypeSymbol)>();
        foreach (var candidate in type.Interfaces)
        {
            if (IsUpgradeInterface(candidate))
            {
                result.Add((candidate.TypeArguments[0], candidate.TypeArguments[1]));
            }
        }

        return result;
    }

    /// <summary>The previous version the type upgrades from, when it declares exactly one upgrade from another type to itself.</summary>
    public static INamedTypeSymbol? PreviousVersion(INamedTypeSymbol type)
    {
        var upgrades = Upgrades(type);
        return upgrades.Count == 1
            && SymbolEqualityComparer.Default.Equals(upgrades[0].Self, type)
            && upgrades[0].Previous is INamedTypeSymbol previous
            && !SymbolEqualityComparer.Default.Equals(previous, type)
                ? previous
                : null;
    }

    public static bool IsUpgradeInterface(INamedTypeSymbol candidate)
        => candidate.IsGenericType
            && candidate.TypeArguments.Length == 2
            && candidate.OriginalDefinition.ContainingNamespace is { Name: "Inngest", ContainingNamespace.IsGlobalNamespace: true }
            && candidate.OriginalDefinition.MetadataName == "IInngestEventUpgrade`2";

    /// <summary>
    /// Orders two versions of one event: none first; two conventional ones (YYYY-MM-DD.N) by date, then by counter as a
    /// number (so .10 follows .9); anything else ordinally.
    /// </summary>
    public static int CompareVersions(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        if (NamingConvention.IsConventionalVersion(a) && NamingConvention.IsConventionalVersion(b))
        {
            var byDate = string.CompareOrdinal(a.Substring(0, 10), b.Substring(0, 10));
            if (byDate != 0)
            {
                return byDate;
            }

            var counterA = a.Substring(11).TrimStart('0');
            var counterB = b.Substring(11).TrimStart('0');
            return counterA.Length != counterB.Length ? counterA.Length.CompareTo(counterB.Length) : string.CompareOrdinal(counterA, counterB);
        }

        return string.CompareOrdinal(a, b);
    }
}
