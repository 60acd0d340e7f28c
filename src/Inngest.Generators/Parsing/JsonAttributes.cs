using System.Collections.Generic;
using Inngest.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Inngest.Generators.Parsing;

/// <summary>Reads System.Text.Json's serialization attributes from symbols, by metadata name (no reference to System.Text.Json needed).</summary>
internal static class JsonAttributes
{
    private const string Namespace = "System.Text.Json.Serialization.";

    public const string Include = Namespace + "JsonIncludeAttribute";
    public const string Ignore = Namespace + "JsonIgnoreAttribute";
    public const string PropertyName = Namespace + "JsonPropertyNameAttribute";
    public const string PropertyOrder = Namespace + "JsonPropertyOrderAttribute";
    public const string Converter = Namespace + "JsonConverterAttribute";
    public const string Constructor = Namespace + "JsonConstructorAttribute";
    public const string Required = Namespace + "JsonRequiredAttribute";
    public const string ExtensionData = Namespace + "JsonExtensionDataAttribute";
    public const string NumberHandlingName = Namespace + "JsonNumberHandlingAttribute";
    public const string ObjectCreationHandlingName = Namespace + "JsonObjectCreationHandlingAttribute";
    public const string UnmappedMemberHandlingName = Namespace + "JsonUnmappedMemberHandlingAttribute";
    public const string Polymorphic = Namespace + "JsonPolymorphicAttribute";
    public const string DerivedType = Namespace + "JsonDerivedTypeAttribute";
    public const string StringEnumConverter = Namespace + "JsonStringEnumConverter";
    public const string SetsRequiredMembers = "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute";

    public static AttributeData? Find(ISymbol symbol, string metadataName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && TypeNames.MetadataName(attributeClass) == metadataName)
            {
                return attribute;
            }
        }

        return null;
    }

    public static bool Has(ISymbol symbol, string metadataName) => Find(symbol, metadataName) is not null;

    /// <summary>The [JsonIgnore] condition, or null when the member has none.</summary>
    public static IgnoreCondition? IgnoreConditionOf(ISymbol member)
    {
        if (Find(member, Ignore) is not { } attribute)
        {
            return null;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Condition" && argument.Value.Value is int condition)
            {
                return (IgnoreCondition)condition;
            }
        }

        return IgnoreCondition.Always;
    }

    public static string? PropertyNameOf(ISymbol symbol) => SingleArgument(symbol, PropertyName) as string;

    public static int OrderOf(ISymbol symbol) => SingleArgument(symbol, PropertyOrder) is int order ? order : 0;

    public static NumberHandling? NumberHandlingOf(ISymbol symbol)
        => SingleArgument(symbol, NumberHandlingName) is int value ? (NumberHandling)value : null;

    public static ObjectCreationHandling? ObjectCreationHandlingOf(ISymbol symbol)
        => SingleArgument(symbol, ObjectCreationHandlingName) is int value ? (ObjectCreationHandling)value : null;

    public static UnmappedMemberHandling? UnmappedMemberHandlingOf(ISymbol symbol)
        => SingleArgument(symbol, UnmappedMemberHandlingName) is int value ? (UnmappedMemberHandling)value : null;

    /// <summary>The converter type named by [JsonConverter(typeof(...))], or null.</summary>
    public static INamedTypeSymbol? ConverterTypeOf(ISymbol symbol) => SingleArgument(symbol, Converter) as INamedTypeSymbol;

    /// <summary>True when the type is polymorphic by attribute: System.Text.Json reads these at run time, also for generated metadata.</summary>
    public static bool IsPolymorphic(ISymbol type) => Has(type, Polymorphic) || Has(type, DerivedType);

    /// <summary>The types named by [JsonDerivedType(typeof(...))] on the type.</summary>
    public static List<ITypeSymbol> DerivedTypesOf(ISymbol type)
    {
        var result = new List<ITypeSymbol>();
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && TypeNames.MetadataName(attributeClass) == DerivedType
                && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is ITypeSymbol derived)
            {
                result.Add(derived);
            }
        }

        return result;
    }

    private static object? SingleArgument(ISymbol symbol, string metadataName)
        => Find(symbol, metadataName) is { ConstructorArguments.Length: 1 } attribute ? attribute.ConstructorArguments[0].Value : null;
}
