using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Inngest.Generators.Model;
using Inngest.Generators.Rules;
using Microsoft.CodeAnalysis;

namespace Inngest.Generators.Parsing;

/// <summary>
/// The facts the JSON schema needs beyond what the metadata does: enum values and names, polymorphism and the
/// nullability of members and their elements. Read while the graph is walked, stored as strings in the model.
/// </summary>
internal static class SchemaFacts
{
    private const string StringEnumMemberName = "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute";

    /// <summary>The enum's named values in declaration order.</summary>
    public static EquatableArray<EnumMemberShape> EnumMembers(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Enum)
        {
            return EquatableArray<EnumMemberShape>.Empty;
        }

        var members = new List<EnumMemberShape>();
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } value } field)
            {
                var name = JsonAttributes.Find(field, StringEnumMemberName) is { ConstructorArguments.Length: 1 } attribute
                    && attribute.ConstructorArguments[0].Value is string custom ? custom : field.Name;
                members.Add(new EnumMemberShape { StringName = name, Number = System.Convert.ToString(value, CultureInfo.InvariantCulture)! });
            }
        }

        return members.ToEquatableArray();
    }

    public static bool IsFlags(INamedTypeSymbol type)
        => type.TypeKind == TypeKind.Enum && JsonAttributes.Has(type, "System.FlagsAttribute");

    /// <summary>The discriminator and derived types System.Text.Json writes for a polymorphic type, or null.</summary>
    public static PolymorphismShape? Polymorphism(INamedTypeSymbol type)
    {
        if (!JsonAttributes.IsPolymorphic(type))
        {
            return null;
        }

        var discriminatorName = "$type";
        if (JsonAttributes.Find(type, JsonAttributes.Polymorphic) is { } polymorphic)
        {
            foreach (var argument in polymorphic.NamedArguments)
            {
                if (argument.Key == "TypeDiscriminatorPropertyName" && argument.Value.Value is string name)
                {
                    discriminatorName = name;
                }
            }
        }

        var derived = new List<DerivedTypeShape>();
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && TypeNames.MetadataName(attributeClass) == JsonAttributes.DerivedType
                && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is ITypeSymbol derivedType)
            {
                derived.Add(new DerivedTypeShape
                {
                    Fqn = TypeNames.Fqn(derivedType is INamedTypeSymbol { IsTupleType: true, TupleUnderlyingType: { } tuple } ? tuple : derivedType),
                    Discriminator = attribute.ConstructorArguments.Length > 1 ? DiscriminatorLiteral(attribute.ConstructorArguments[1].Value) : null,
                });
            }
        }

        return new PolymorphismShape { DiscriminatorName = discriminatorName, Derived = derived.ToEquatableArray() };
    }

    /// <summary>One '1' (may be null) or '0' for the member type, then for its element or value, and so on.</summary>
    public static string Nullability(ITypeSymbol type)
    {
        var flags = new StringBuilder();
        for (var current = type; current is not null && flags.Length < 16;)
        {
            flags.Append(NullabilityRules.MayBeNull(current) ? '1' : '0');
            var classification = TypeShapeRules.Classify(current);
            current = classification.Kind is TypeShapeKind.Collection or TypeShapeKind.Dictionary ? classification.Element : null;
        }

        return flags.ToString();
    }

    private static string? DiscriminatorLiteral(object? value)
        => value switch
        {
            string text => JsonText.Quote(text),
            int number => number.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
}
