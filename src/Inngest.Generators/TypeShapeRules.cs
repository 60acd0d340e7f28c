using System.Collections.Generic;
using Inngest.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Inngest.Generators;

/// <summary>How the generator sees one type: its metadata kind, or why it cannot describe it.</summary>
internal readonly struct TypeClassification
{
    public TypeClassification(ShapeKind kind, string? valueConverter = null, ITypeSymbol? element = null, string? reason = null)
    {
        Kind = kind;
        ValueConverter = valueConverter;
        Element = element;
        Reason = reason;
    }

    public ShapeKind Kind { get; }

    /// <summary>For <see cref="ShapeKind.Value"/>: the JsonMetadataServices converter property name.</summary>
    public string? ValueConverter { get; }

    /// <summary>The element (collections), value (dictionaries) or underlying (Nullable) type.</summary>
    public ITypeSymbol? Element { get; }

    /// <summary>For <see cref="ShapeKind.Unsupported"/>: why, as a phrase for INNG011.</summary>
    public string? Reason { get; }

    public bool IsSupported => Kind != ShapeKind.Unsupported;
}

/// <summary>One serialized member of a payload type.</summary>
internal readonly struct PayloadMember
{
    public PayloadMember(ISymbol symbol, ITypeSymbol type)
    {
        Symbol = symbol;
        Type = type;
    }

    public ISymbol Symbol { get; }

    public ITypeSymbol Type { get; }
}

/// <summary>
/// The pure type-shape rules: which types the generator describes, which members of a type are
/// serialized. The generator (<see cref="Parser"/>) and the INNG011 analyzer both call these, so
/// what the analyzer reports is exactly what the generator leaves to run-time resolution.
/// </summary>
internal static class TypeShapeRules
{
    private const string JsonSerialization = "System.Text.Json.Serialization.";

    /// <summary>Classifies <paramref name="type"/> without looking into object members.</summary>
    public static TypeClassification Classify(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean: return Value("BooleanConverter");
            case SpecialType.System_Byte: return Value("ByteConverter");
            case SpecialType.System_SByte: return Value("SByteConverter");
            case SpecialType.System_Char: return Value("CharConverter");
            case SpecialType.System_Int16: return Value("Int16Converter");
            case SpecialType.System_UInt16: return Value("UInt16Converter");
            case SpecialType.System_Int32: return Value("Int32Converter");
            case SpecialType.System_UInt32: return Value("UInt32Converter");
            case SpecialType.System_Int64: return Value("Int64Converter");
            case SpecialType.System_UInt64: return Value("UInt64Converter");
            case SpecialType.System_Single: return Value("SingleConverter");
            case SpecialType.System_Double: return Value("DoubleConverter");
            case SpecialType.System_Decimal: return Value("DecimalConverter");
            case SpecialType.System_String: return Value("StringConverter");
            case SpecialType.System_DateTime: return Value("DateTimeConverter");
            case SpecialType.System_Object: return Unsupported("object is resolved from the run-time type");
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr: return Unsupported("native integers are not serializable");
        }

        if (type.TypeKind == TypeKind.Dynamic)
        {
            return Unsupported("dynamic is resolved from the run-time type");
        }

        if (type is IArrayTypeSymbol array)
        {
            if (array.Rank != 1)
            {
                return Unsupported("multi-dimensional arrays are not serializable");
            }

            return array.ElementType.SpecialType == SpecialType.System_Byte
                ? Value("ByteArrayConverter")
                : new TypeClassification(ShapeKind.Array, element: array.ElementType);
        }

        if (type is ITypeParameterSymbol)
        {
            return Unsupported("a type parameter has no fixed shape");
        }

        if (type is not INamedTypeSymbol named)
        {
            return Unsupported("pointers and function pointers are not serializable");
        }

        if (named.IsRefLikeType)
        {
            return Unsupported("ref structs cannot be boxed or stored");
        }

        if (named.TypeKind == TypeKind.Delegate)
        {
            return Unsupported("delegates are not serializable");
        }

        if (named.TypeKind == TypeKind.Enum)
        {
            return new TypeClassification(ShapeKind.Enum);
        }

        var definition = named.OriginalDefinition;
        if (definition.SpecialType == SpecialType.System_Nullable_T)
        {
            return new TypeClassification(ShapeKind.Nullable, element: named.TypeArguments[0]);
        }

        var metadataName = MetadataName(definition);
        switch (metadataName)
        {
            case "System.Guid": return Value("GuidConverter");
            case "System.DateTimeOffset": return Value("DateTimeOffsetConverter");
            case "System.DateOnly": return Value("DateOnlyConverter");
            case "System.TimeOnly": return Value("TimeOnlyConverter");
            case "System.TimeSpan": return Value("TimeSpanConverter");
            case "System.Uri": return Value("UriConverter");
            case "System.Version": return Value("VersionConverter");
            case "System.Half": return Value("HalfConverter");
            case "System.Int128": return Value("Int128Converter");
            case "System.UInt128": return Value("UInt128Converter");
            case "System.Text.Json.JsonElement": return Value("JsonElementConverter");
            case "System.Text.Json.JsonDocument": return Value("JsonDocumentConverter");
            case "System.Text.Json.Nodes.JsonNode": return Value("JsonNodeConverter");
            case "System.Text.Json.Nodes.JsonObject": return Value("JsonObjectConverter");
            case "System.Text.Json.Nodes.JsonArray": return Value("JsonArrayConverter");
            case "System.Text.Json.Nodes.JsonValue": return Value("JsonValueConverter");
            case "System.Collections.Generic.List`1": return Element(ShapeKind.List, named, 0);
            case "System.Collections.Generic.IList`1": return Element(ShapeKind.IList, named, 0);
            case "System.Collections.Generic.IReadOnlyList`1": return Element(ShapeKind.IReadOnlyList, named, 0);
            case "System.Collections.Generic.ICollection`1": return Element(ShapeKind.ICollection, named, 0);
            case "System.Collections.Generic.IEnumerable`1": return Element(ShapeKind.IEnumerable, named, 0);
            case "System.Collections.Generic.HashSet`1": return Element(ShapeKind.HashSet, named, 0);
            case "System.Collections.Immutable.ImmutableArray`1": return Element(ShapeKind.ImmutableArray, named, 0);
            case "System.Collections.Generic.Dictionary`2": return Dictionary(ShapeKind.Dictionary, named);
            case "System.Collections.Generic.IDictionary`2": return Dictionary(ShapeKind.IDictionary, named);
            case "System.Collections.Generic.IReadOnlyDictionary`2": return Dictionary(ShapeKind.IReadOnlyDictionary, named);
            case "System.Type":
            case "System.Reflection.MemberInfo":
            case "System.Reflection.MethodInfo":
            case "System.Reflection.PropertyInfo":
                return Unsupported("reflection types are not serializable");
        }

        if (named.IsUnboundGenericType || ContainsTypeParameter(named))
        {
            return Unsupported("a type parameter has no fixed shape");
        }

        if (HasConverterAttribute(named))
        {
            // The type's own [JsonConverter] describes it completely.
            return new TypeClassification(ShapeKind.Object);
        }

        if (named.TypeKind == TypeKind.Interface)
        {
            return Unsupported("an interface has no known shape; its implementations are chosen at run time");
        }

        if (named.IsAbstract)
        {
            return Unsupported("an abstract type's shape depends on the run-time type");
        }

        if (named.IsStatic)
        {
            return Unsupported("a static class has no instances");
        }

        if (HasAttribute(named, JsonSerialization + "JsonPolymorphicAttribute") || HasAttribute(named, JsonSerialization + "JsonDerivedTypeAttribute"))
        {
            return Unsupported("a polymorphic type's shape depends on the run-time type");
        }

        if (ImplementsNonGenericEnumerable(named))
        {
            return Unsupported("only arrays, List, IList, IReadOnlyList, ICollection, IEnumerable, HashSet, ImmutableArray and string-keyed dictionaries are described");
        }

        if (named.TypeKind is TypeKind.Class or TypeKind.Struct)
        {
            return new TypeClassification(ShapeKind.Object);
        }

        return Unsupported("its kind of type is not serializable");
    }

    /// <summary>
    /// The first type the generator cannot describe in <paramref name="type"/> itself or its
    /// element/value/underlying types (not looking into object members), or null.
    /// </summary>
    public static (ITypeSymbol Type, string Reason)? FirstUndescribable(ITypeSymbol type)
    {
        var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        for (var current = type; current is not null && seen.Add(current);)
        {
            var shape = Classify(current);
            if (!shape.IsSupported)
            {
                return (current, shape.Reason!);
            }

            current = shape.Element;
        }

        return null;
    }

    /// <summary>
    /// The members System.Text.Json serializes for an object type: public instance properties with
    /// a public getter, and [JsonInclude] properties and fields the generated code can reach,
    /// most derived type first (as System.Text.Json's reflection resolver orders them), without [JsonIgnore] (Always) members and indexers. A member hidden by a
    /// derived one is skipped.
    /// </summary>
    public static List<PayloadMember> Members(INamedTypeSymbol type, IAssemblySymbol? within)
    {
        var hierarchy = new List<INamedTypeSymbol>();
        for (var current = type; current is not null && current.SpecialType is not SpecialType.System_Object and not SpecialType.System_ValueType; current = current.BaseType)
        {
            hierarchy.Add(current);
        }

        var taken = new HashSet<string>(System.StringComparer.Ordinal);
        var perType = new List<List<PayloadMember>>();
        foreach (var current in hierarchy)
        {
            var list = new List<PayloadMember>();
            var fields = new List<PayloadMember>();
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || member.IsImplicitlyDeclared && member is IFieldSymbol)
                {
                    continue;
                }

                ITypeSymbol? memberType;
                bool visible;
                var include = HasAttribute(member, JsonSerialization + "JsonIncludeAttribute");
                switch (member)
                {
                    case IPropertySymbol property when !property.IsIndexer && property.GetMethod is not null:
                        memberType = property.Type;
                        visible = include
                            ? IsReachable(property, within) && IsReachable(property.GetMethod, within)
                            : property.DeclaredAccessibility == Accessibility.Public && property.GetMethod.DeclaredAccessibility == Accessibility.Public;
                        break;
                    case IFieldSymbol field when include && !field.IsConst:
                        memberType = field.Type;
                        visible = IsReachable(field, within);
                        break;
                    default:
                        continue;
                }

                if (!visible || !taken.Add(member.Name))
                {
                    continue;
                }

                if (IgnoreCondition(member) == 1)
                {
                    continue;
                }

                (member is IFieldSymbol ? fields : list).Add(new PayloadMember(member, memberType));
            }

            // Reflection lists a type's properties before its fields.
            list.AddRange(fields);
            perType.Add(list);
        }

        var result = new List<PayloadMember>();
        foreach (var list in perType)
        {
            result.AddRange(list);
        }

        return result;
    }

    /// <summary>The [JsonIgnore] condition as its JsonIgnoreCondition value (Always = 1), or null when absent.</summary>
    public static int? IgnoreCondition(ISymbol member)
    {
        var attribute = FindAttribute(member, JsonSerialization + "JsonIgnoreAttribute");
        if (attribute is null)
        {
            return null;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Condition" && argument.Value.Value is int condition)
            {
                return condition;
            }
        }

        return 1;
    }

    /// <summary>True when a member-level [JsonConverter] describes the member's value itself.</summary>
    public static bool HasConverterAttribute(ISymbol symbol) => ConverterType(symbol) is not null;

    /// <summary>The converter type named by a [JsonConverter(typeof(...))] on the symbol, or null.</summary>
    public static INamedTypeSymbol? ConverterType(ISymbol symbol)
    {
        var attribute = FindAttribute(symbol, JsonSerialization + "JsonConverterAttribute");
        if (attribute is { ConstructorArguments.Length: 1 } && attribute.ConstructorArguments[0].Value is INamedTypeSymbol converter)
        {
            return converter;
        }

        return null;
    }

    public static AttributeData? FindAttribute(ISymbol symbol, string metadataName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && MetadataName(attributeClass) == metadataName)
            {
                return attribute;
            }
        }

        return null;
    }

    public static bool HasAttribute(ISymbol symbol, string metadataName) => FindAttribute(symbol, metadataName) is not null;

    /// <summary>Namespace-qualified metadata name, e.g. System.Collections.Generic.List`1.</summary>
    public static string MetadataName(INamedTypeSymbol type)
    {
        var prefix = type.ContainingType is { } container
            ? MetadataName(container) + "+"
            : type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." : string.Empty;
        return prefix + type.MetadataName;
    }

    private static bool IsReachable(ISymbol symbol, IAssemblySymbol? within)
        => symbol.DeclaredAccessibility switch
        {
            Accessibility.Public => true,
            Accessibility.Internal or Accessibility.ProtectedOrInternal => within is not null && SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, within),
            _ => false,
        };

    private static bool ContainsTypeParameter(INamedTypeSymbol type)
    {
        foreach (var argument in type.TypeArguments)
        {
            if (argument is ITypeParameterSymbol || argument is INamedTypeSymbol named && ContainsTypeParameter(named))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ImplementsNonGenericEnumerable(INamedTypeSymbol type)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.SpecialType == SpecialType.System_Collections_IEnumerable)
            {
                return true;
            }
        }

        return false;
    }

    private static TypeClassification Value(string converter) => new(ShapeKind.Value, valueConverter: converter);

    private static TypeClassification Unsupported(string reason) => new(ShapeKind.Unsupported, reason: reason);

    private static TypeClassification Element(ShapeKind kind, INamedTypeSymbol type, int index)
        => new(kind, element: type.TypeArguments[index]);

    private static TypeClassification Dictionary(ShapeKind kind, INamedTypeSymbol type)
        => type.TypeArguments[0].SpecialType == SpecialType.System_String
            ? new TypeClassification(kind, element: type.TypeArguments[1])
            : Unsupported("only dictionaries with string keys are described");
}
