using System.Collections.Generic;
using Inngest.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Inngest.Generators.Rules;

/// <summary>
/// What System.Text.Json rejects about <c>[JsonExtensionData]</c> (INNG028): more than one such member on a type
/// (SYSLIB1035), or one whose type cannot hold the unmapped properties (SYSLIB1036). Either makes System.Text.Json
/// throw InvalidOperationException the first time the type's metadata is used, so the event can never be sent.
/// </summary>
internal static class ExtensionDataRules
{
    private const string JsonObject = "System.Text.Json.Nodes.JsonObject";
    private const string JsonElement = "System.Text.Json.JsonElement";

    /// <summary>Each offending member of <paramref name="type"/> with the reason (a phrase for the diagnostic) and the SYSLIB id System.Text.Json's generator reports.</summary>
    public static List<(ISymbol Member, string Reason, string SystemTextJsonId)> Problems(INamedTypeSymbol type, IAssemblySymbol? within)
    {
        var result = new List<(ISymbol, string, string)>();
        var marked = new List<ISymbol>();
        foreach (var member in TypeShapeRules.Members(type, within))
        {
            if (!JsonAttributes.Has(member.Symbol, JsonAttributes.ExtensionData))
            {
                continue;
            }

            marked.Add(member.Symbol);
            if (!CanHoldExtensionData(member.Type))
            {
                result.Add((member.Symbol, "its type '" + member.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)
                    + "' cannot hold the unmapped properties: use Dictionary<string, JsonElement>, Dictionary<string, object> or JsonObject", "SYSLIB1036"));
            }
        }

        if (marked.Count > 1)
        {
            var names = new List<string>(marked.Count);
            foreach (var member in marked)
            {
                names.Add("'" + member.Name + "'");
            }

            for (var i = 1; i < marked.Count; i++)
            {
                result.Add((marked[i], "'" + type.Name + "' has " + marked.Count + " [JsonExtensionData] members (" + string.Join(", ", names)
                    + ") and System.Text.Json allows one: keep the attribute on one of them", "SYSLIB1035"));
            }
        }

        return result;
    }

    /// <summary>JsonObject, or a type implementing IDictionary&lt;string, object&gt; or IDictionary&lt;string, JsonElement&gt;.</summary>
    private static bool CanHoldExtensionData(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        if (TypeNames.MetadataName(named) == JsonObject || IsStringKeyedDictionaryOfObjectOrElement(named))
        {
            return true;
        }

        foreach (var implemented in named.AllInterfaces)
        {
            if (IsStringKeyedDictionaryOfObjectOrElement(implemented))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStringKeyedDictionaryOfObjectOrElement(INamedTypeSymbol type)
        => type.TypeKind == TypeKind.Interface
            && TypeNames.MetadataName(type.OriginalDefinition) == "System.Collections.Generic.IDictionary`2"
            && type.TypeArguments[0].SpecialType == SpecialType.System_String
            && (type.TypeArguments[1].SpecialType == SpecialType.System_Object || (type.TypeArguments[1] is INamedTypeSymbol value && TypeNames.MetadataName(value) == JsonElement));
}
