using System.Collections.Generic;
using Inngest.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Generators.Rules;

/// <summary>
/// Which member of an event's <c>data</c> is marked <c>[InngestEncrypted]</c>, as the generator (the
/// <c>EncryptedField</c> it emits) and the analyzers (INNG025, INNG026, INNG029) both need it.
/// </summary>
internal static class EncryptedMemberRules
{
    public const string AttributeMetadataName = "Inngest.InngestEncryptedAttribute";

    /// <summary>The field the official middleware encrypts when <c>eventEncryptionField</c> is not set.</summary>
    public const string DefaultField = "encrypted";

    /// <summary>The MSBuild property (made compiler-visible by the package) naming another configured field.</summary>
    public const string FieldBuildProperty = "build_property.InngestEncryptionField";

    /// <summary>
    /// True when <paramref name="member"/> carries the attribute, or is the property of a positional record parameter
    /// that does (<c>record R([InngestEncrypted] P Encrypted)</c> puts it on the parameter, not the property).
    /// </summary>
    public static bool IsMarked(ISymbol member, INamedTypeSymbol attribute)
        => HasAttribute(member, attribute) || PositionalParameterOf(member) is { } parameter && HasAttribute(parameter, attribute);

    /// <summary>
    /// A cheap first look, so that the events without any mark (nearly all) skip the member walk: whether a property,
    /// field or record constructor parameter of the type or a base type carries <paramref name="attribute"/> (compared
    /// as a symbol).
    /// </summary>
    public static bool DeclaresAnyMark(INamedTypeSymbol type, INamedTypeSymbol attribute)
    {
        for (var current = type; current is not null && current.SpecialType is not SpecialType.System_Object and not SpecialType.System_ValueType; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol or IFieldSymbol ? HasAttribute(member, attribute)
                    : member is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor && current.IsRecord && AnyParameterHas(constructor, attribute))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="symbol"/> carries <paramref name="attribute"/> itself (compared as a symbol).</summary>
    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attribute) => FindAttribute(symbol, attribute) is not null;

    /// <summary>The application of <paramref name="attribute"/> on <paramref name="symbol"/> itself, or null.</summary>
    public static AttributeData? FindAttribute(ISymbol symbol, INamedTypeSymbol attribute)
    {
        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return data;
            }
        }

        return null;
    }

    private static bool AnyParameterHas(IMethodSymbol method, INamedTypeSymbol attribute)
    {
        foreach (var parameter in method.Parameters)
        {
            if (HasAttribute(parameter, attribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The marked members among the event type's payload members (inherited ones included), in System.Text.Json's order.</summary>
    public static List<PayloadMember> MarkedMembers(INamedTypeSymbol eventType, IAssemblySymbol? within, INamedTypeSymbol attribute)
    {
        var marked = new List<PayloadMember>();
        foreach (var member in TypeShapeRules.Members(eventType, within))
        {
            if (IsMarked(member.Symbol, attribute))
            {
                marked.Add(member);
            }
        }

        return marked;
    }

    /// <summary>The JSON name the member is written with: [JsonPropertyName], else the camelCase name (the generated contexts' policy).</summary>
    public static string WireName(ISymbol member) => JsonAttributes.PropertyNameOf(member) ?? TypeNames.CamelCase(member.Name);

    /// <summary>
    /// The JSON name of the event's one encrypted field, or null when no written member is marked. With several marked
    /// members (INNG029, an error) the first one is used, so the runtime still refuses to send without encryption.
    /// </summary>
    public static string? EncryptedFieldOf(INamedTypeSymbol eventType, Compilation compilation)
    {
        if (compilation.GetTypeByMetadataName(AttributeMetadataName) is not { } attribute || !DeclaresAnyMark(eventType, attribute))
        {
            return null;
        }

        foreach (var member in MarkedMembers(eventType, compilation.Assembly, attribute))
        {
            if (IsWritten(member))
            {
                return WireName(member.Symbol);
            }
        }

        return null;
    }

    /// <summary>True when the member is written into <c>data</c>: readable, not [JsonIgnore]d, and a field only with [JsonInclude].</summary>
    public static bool IsWritten(PayloadMember member)
        => member.CanGet && !member.IsIgnored && (!member.IsField || JsonAttributes.Has(member.Symbol, JsonAttributes.Include));

    /// <summary>The configured field: the MSBuild property when set, else <see cref="DefaultField"/>.</summary>
    public static string ConfiguredField(string? buildProperty)
        => string.IsNullOrWhiteSpace(buildProperty) ? DefaultField : buildProperty!.Trim();

    /// <summary>True for a parameter of a positional record's primary constructor (it declares a property of that name).</summary>
    public static bool IsPositionalRecordParameter(IParameterSymbol parameter)
        => parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
           && constructor.ContainingType.IsRecord
           && IsPrimaryConstructor(constructor);

    /// <summary>The positional record parameter that declares <paramref name="member"/>, or null.</summary>
    public static IParameterSymbol? PositionalParameterOf(ISymbol member)
    {
        if (member is not IPropertySymbol { ContainingType.IsRecord: true } property)
        {
            return null;
        }

        foreach (var constructor in property.ContainingType.InstanceConstructors)
        {
            if (!IsPrimaryConstructor(constructor))
            {
                continue;
            }

            foreach (var parameter in constructor.Parameters)
            {
                if (parameter.Name == property.Name)
                {
                    return parameter;
                }
            }
        }

        return null;
    }

    // A record's primary constructor is declared by the record's own declaration (its parameter list). A record from
    // metadata has no syntax: there any constructor but the copy constructor counts, so a marked parameter of the same
    // name is found (the attribute stays on the parameter in metadata, as in source).
    private static bool IsPrimaryConstructor(IMethodSymbol constructor)
    {
        foreach (var reference in constructor.DeclaringSyntaxReferences)
        {
            return reference.GetSyntax() is TypeDeclarationSyntax { ParameterList: not null };
        }

        return constructor.Parameters.Length > 0 && !IsCopyConstructor(constructor);
    }

    private static bool IsCopyConstructor(IMethodSymbol constructor)
        => constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, constructor.ContainingType);
}
