using System.Collections.Generic;
using Inngest.Generators.Model;
using Inngest.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Inngest.Generators.Rules;

/// <summary>
/// The pure type-shape rules, System.Text.Json's source generator's: which metadata a type gets, and which
/// members of an object type are serialized. The payload-graph walk (<see cref="PayloadGraph"/>) is the only
/// caller, and both the generator and the INNG011/INNG014 analyzer use that walk.
/// </summary>
internal static class TypeShapeRules
{
    private const string Generic = "System.Collections.Generic.";
    private const string Concurrent = "System.Collections.Concurrent.";
    private const string Immutable = "global::System.Collections.Immutable.";

    /// <summary>
    /// Immutable sequences, with the method System.Text.Json builds them with. Frozen collections are not among them:
    /// System.Text.Json (reflection and its generator) writes them as ISet/IDictionary and cannot read them.
    /// </summary>
    private static readonly Dictionary<string, string> ImmutableSequences = new(System.StringComparer.Ordinal)
    {
        ["System.Collections.Immutable.ImmutableArray`1"] = Immutable + "ImmutableArray.CreateRange",
        ["System.Collections.Immutable.ImmutableList`1"] = Immutable + "ImmutableList.CreateRange",
        ["System.Collections.Immutable.IImmutableList`1"] = Immutable + "ImmutableList.CreateRange",
        ["System.Collections.Immutable.ImmutableStack`1"] = Immutable + "ImmutableStack.CreateRange",
        ["System.Collections.Immutable.IImmutableStack`1"] = Immutable + "ImmutableStack.CreateRange",
        ["System.Collections.Immutable.ImmutableQueue`1"] = Immutable + "ImmutableQueue.CreateRange",
        ["System.Collections.Immutable.IImmutableQueue`1"] = Immutable + "ImmutableQueue.CreateRange",
        ["System.Collections.Immutable.ImmutableSortedSet`1"] = Immutable + "ImmutableSortedSet.CreateRange",
        ["System.Collections.Immutable.ImmutableHashSet`1"] = Immutable + "ImmutableHashSet.CreateRange",
        ["System.Collections.Immutable.IImmutableSet`1"] = Immutable + "ImmutableHashSet.CreateRange",
    };

    private static readonly Dictionary<string, string> ImmutableDictionaries = new(System.StringComparer.Ordinal)
    {
        ["System.Collections.Immutable.ImmutableDictionary`2"] = Immutable + "ImmutableDictionary.CreateRange",
        ["System.Collections.Immutable.IImmutableDictionary`2"] = Immutable + "ImmutableDictionary.CreateRange",
        ["System.Collections.Immutable.ImmutableSortedDictionary`2"] = Immutable + "ImmutableSortedDictionary.CreateRange",
    };

    private static readonly Dictionary<string, string> ValueConverters = new(System.StringComparer.Ordinal)
    {
        ["System.Guid"] = "GuidConverter",
        ["System.DateTimeOffset"] = "DateTimeOffsetConverter",
        ["System.DateOnly"] = "DateOnlyConverter",
        ["System.TimeOnly"] = "TimeOnlyConverter",
        ["System.TimeSpan"] = "TimeSpanConverter",
        ["System.Uri"] = "UriConverter",
        ["System.Version"] = "VersionConverter",
        ["System.Half"] = "HalfConverter",
        ["System.Int128"] = "Int128Converter",
        ["System.UInt128"] = "UInt128Converter",
        ["System.Text.Json.JsonElement"] = "JsonElementConverter",
        ["System.Text.Json.JsonDocument"] = "JsonDocumentConverter",
        ["System.Text.Json.Nodes.JsonNode"] = "JsonNodeConverter",
        ["System.Text.Json.Nodes.JsonObject"] = "JsonObjectConverter",
        ["System.Text.Json.Nodes.JsonArray"] = "JsonArrayConverter",
        ["System.Text.Json.Nodes.JsonValue"] = "JsonValueConverter",
    };

    /// <summary>Classifies <paramref name="type"/> without looking into object members.</summary>
    public static TypeClassification Classify(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean: return TypeClassification.Value("BooleanConverter");
            case SpecialType.System_Byte: return TypeClassification.Value("ByteConverter");
            case SpecialType.System_SByte: return TypeClassification.Value("SByteConverter");
            case SpecialType.System_Char: return TypeClassification.Value("CharConverter");
            case SpecialType.System_Int16: return TypeClassification.Value("Int16Converter");
            case SpecialType.System_UInt16: return TypeClassification.Value("UInt16Converter");
            case SpecialType.System_Int32: return TypeClassification.Value("Int32Converter");
            case SpecialType.System_UInt32: return TypeClassification.Value("UInt32Converter");
            case SpecialType.System_Int64: return TypeClassification.Value("Int64Converter");
            case SpecialType.System_UInt64: return TypeClassification.Value("UInt64Converter");
            case SpecialType.System_Single: return TypeClassification.Value("SingleConverter");
            case SpecialType.System_Double: return TypeClassification.Value("DoubleConverter");
            case SpecialType.System_Decimal: return TypeClassification.Value("DecimalConverter");
            case SpecialType.System_String: return TypeClassification.Value("StringConverter");
            case SpecialType.System_DateTime: return TypeClassification.Value("DateTimeConverter");
            case SpecialType.System_Object: return TypeClassification.Value("ObjectConverter");
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr: return TypeClassification.Unsupported("native integers are not serializable");
        }

        if (type.TypeKind == TypeKind.Dynamic)
        {
            return TypeClassification.Value("ObjectConverter");
        }

        if (type is IArrayTypeSymbol array)
        {
            if (array.Rank != 1)
            {
                return TypeClassification.Unsupported("multi-dimensional arrays are not serializable");
            }

            return array.ElementType.SpecialType == SpecialType.System_Byte
                ? TypeClassification.Value("ByteArrayConverter")
                : TypeClassification.Sequence(CollectionKind.Array, array.ElementType);
        }

        if (type is ITypeParameterSymbol)
        {
            return TypeClassification.Unsupported("a type parameter has no fixed shape");
        }

        if (type is not INamedTypeSymbol named)
        {
            return TypeClassification.Unsupported("pointers and function pointers are not serializable");
        }

        if (named.IsRefLikeType)
        {
            return TypeClassification.Unsupported("ref structs cannot be boxed or stored");
        }

        if (named.TypeKind == TypeKind.Delegate)
        {
            return TypeClassification.Unsupported("delegates are not serializable");
        }

        if (named.IsUnboundGenericType || ContainsTypeParameter(named))
        {
            return TypeClassification.Unsupported("a type parameter has no fixed shape");
        }

        if (JsonAttributes.ConverterTypeOf(named) is { } typeConverter)
        {
            // The type's own [JsonConverter] describes it completely, when the generated code can create it.
            return CanCreateConverter(typeConverter)
                ? TypeClassification.Of(TypeShapeKind.CustomConverter)
                : TypeClassification.Unsupported(ConverterNotCreatable(typeConverter));
        }

        if (named.TypeKind == TypeKind.Enum)
        {
            return TypeClassification.Of(TypeShapeKind.Enum);
        }

        var definition = named.OriginalDefinition;
        if (definition.SpecialType == SpecialType.System_Nullable_T)
        {
            return TypeClassification.Of(TypeShapeKind.Nullable, named.TypeArguments[0]);
        }

        var metadataName = TypeNames.MetadataName(definition);
        if (ValueConverters.TryGetValue(metadataName, out var converter))
        {
            return TypeClassification.Value(converter);
        }

        switch (metadataName)
        {
            case "System.Memory`1":
                return named.TypeArguments[0].SpecialType == SpecialType.System_Byte
                    ? TypeClassification.Value("MemoryByteConverter")
                    : TypeClassification.Sequence(CollectionKind.Memory, named.TypeArguments[0]);
            case "System.ReadOnlyMemory`1":
                return named.TypeArguments[0].SpecialType == SpecialType.System_Byte
                    ? TypeClassification.Value("ReadOnlyMemoryByteConverter")
                    : TypeClassification.Sequence(CollectionKind.ReadOnlyMemory, named.TypeArguments[0]);
            case "System.Type":
            case "System.Reflection.MemberInfo":
            case "System.Reflection.MethodInfo":
            case "System.Reflection.PropertyInfo":
            case "System.Reflection.FieldInfo":
            case "System.Reflection.Assembly":
                return TypeClassification.Unsupported("reflection types are not serializable");
        }

        if (named.IsStatic)
        {
            return TypeClassification.Unsupported("a static class has no instances");
        }

        if (IsEnumerable(named))
        {
            return ClassifyCollection(named);
        }

        return named.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Interface
            ? TypeClassification.Of(TypeShapeKind.Object)
            : TypeClassification.Unsupported("its kind of type is not serializable");
    }

    /// <summary>The collection factory, tried in the order System.Text.Json's generator tries them.</summary>
    private static TypeClassification ClassifyCollection(INamedTypeSymbol type)
    {
        if (BaseOf(type, Generic + "List`1") is { } list)
        {
            return TypeClassification.Sequence(CollectionKind.List, list.TypeArguments[0]);
        }

        if (BaseOf(type, Generic + "Dictionary`2") is { } dictionary)
        {
            return TypeClassification.Map(CollectionKind.Dictionary, dictionary.TypeArguments[0], dictionary.TypeArguments[1]);
        }

        var definitionName = TypeNames.MetadataName(type.OriginalDefinition);
        if (ImmutableDictionaries.TryGetValue(definitionName, out var createDictionary))
        {
            return TypeClassification.Map(CollectionKind.ImmutableDictionary, type.TypeArguments[0], type.TypeArguments[1], createDictionary);
        }

        if (InterfaceOf(type, Generic + "IDictionary`2") is { } iDictionary)
        {
            return TypeClassification.Map(CollectionKind.IDictionary, iDictionary.TypeArguments[0], iDictionary.TypeArguments[1]);
        }

        if (InterfaceOf(type, Generic + "IReadOnlyDictionary`2") is { } readOnlyDictionary)
        {
            return TypeClassification.Map(CollectionKind.IReadOnlyDictionary, readOnlyDictionary.TypeArguments[0], readOnlyDictionary.TypeArguments[1]);
        }

        if (ImmutableSequences.TryGetValue(definitionName, out var createSequence))
        {
            return TypeClassification.Sequence(CollectionKind.ImmutableEnumerable, type.TypeArguments[0], createSequence);
        }

        if (InterfaceOf(type, Generic + "IList`1") is { } iList)
        {
            return TypeClassification.Sequence(CollectionKind.IList, iList.TypeArguments[0]);
        }

        if (InterfaceOf(type, Generic + "ISet`1") is { } set)
        {
            return TypeClassification.Sequence(CollectionKind.ISet, set.TypeArguments[0]);
        }

        if (InterfaceOf(type, Generic + "ICollection`1") is { } collection)
        {
            return TypeClassification.Sequence(CollectionKind.ICollection, collection.TypeArguments[0]);
        }

        if (BaseOf(type, Generic + "Stack`1") is { } stack)
        {
            return TypeClassification.Sequence(CollectionKind.Stack, stack.TypeArguments[0]);
        }

        if (BaseOf(type, Generic + "Queue`1") is { } queue)
        {
            return TypeClassification.Sequence(CollectionKind.Queue, queue.TypeArguments[0]);
        }

        if (BaseOf(type, Concurrent + "ConcurrentStack`1") is { } concurrentStack)
        {
            return TypeClassification.Sequence(CollectionKind.ConcurrentStack, concurrentStack.TypeArguments[0]);
        }

        if (BaseOf(type, Concurrent + "ConcurrentQueue`1") is { } concurrentQueue)
        {
            return TypeClassification.Sequence(CollectionKind.ConcurrentQueue, concurrentQueue.TypeArguments[0]);
        }

        if (InterfaceOf(type, Generic + "IEnumerable`1") is { } enumerable)
        {
            return TypeClassification.Sequence(CollectionKind.IEnumerable, enumerable.TypeArguments[0]);
        }

        return TypeClassification.Unsupported("non-generic collections are not described (their elements have no static type)");
    }

    /// <summary>
    /// The members System.Text.Json sees on an object type, most derived type first and a type's
    /// properties before its fields (reflection's order): public properties with a public getter or
    /// setter, public fields (serialized only with IncludeFields), and [JsonInclude] members the
    /// generated code can reach. Indexers and members hidden by a derived one are skipped.
    /// </summary>
    public static List<PayloadMember> Members(INamedTypeSymbol type, IAssemblySymbol? within)
    {
        var hierarchy = new List<INamedTypeSymbol>();
        if (type.TypeKind == TypeKind.Interface)
        {
            hierarchy.Add(type);
            hierarchy.AddRange(type.AllInterfaces);
        }
        else
        {
            for (var current = type; current is not null && current.SpecialType is not SpecialType.System_Object and not SpecialType.System_ValueType; current = current.BaseType)
            {
                hierarchy.Add(current);
            }
        }

        var taken = new HashSet<string>(System.StringComparer.Ordinal);
        var result = new List<PayloadMember>();
        foreach (var current in hierarchy)
        {
            var fields = new List<PayloadMember>();
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || (member.IsImplicitlyDeclared && member is IFieldSymbol) || ReadMember(member, within) is not { } payloadMember || !taken.Add(member.Name))
                {
                    continue;
                }

                (payloadMember.IsField ? fields : result).Add(payloadMember);
            }

            result.AddRange(fields);
        }

        return result;
    }

    /// <summary>
    /// [JsonInclude] members generated code cannot reach (private, protected, or internal to another
    /// assembly) or can reach only in part (a private setter): System.Text.Json's generator skips
    /// them (SYSLIB1038); INNG014 names them. Each with the unreachable part.
    /// </summary>
    public static List<(ISymbol Member, string Part)> UnreachableIncludes(INamedTypeSymbol type, IAssemblySymbol? within)
    {
        var result = new List<(ISymbol, string)>();
        for (var current = type; current is not null && current.SpecialType is not SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || (member.IsImplicitlyDeclared && member is IFieldSymbol) || !JsonAttributes.Has(member, JsonAttributes.Include))
                {
                    continue;
                }

                switch (member)
                {
                    case IPropertySymbol property when !IsReachable(property, within) || (property.GetMethod is { } get && !IsReachable(get, within)):
                        result.Add((member, "getter"));
                        break;
                    case IPropertySymbol { SetMethod: { } set } when !IsReachable(set, within):
                        result.Add((member, set.IsInitOnly ? "init accessor" : "setter"));
                        break;
                    case IFieldSymbol field when !IsReachable(field, within):
                        result.Add((member, "field"));
                        break;
                }
            }
        }

        return result;
    }

    private static PayloadMember? ReadMember(ISymbol member, IAssemblySymbol? within)
    {
        var result = ReadAccessibleMember(member, within);
        if (result is not null && IsObsoleteError(member))
        {
            // [Obsolete(..., error: true)]: naming it in generated code is CS0619, but reflection still reads and writes it.
            // [UnsafeAccessor] (.NET 8) reaches it by name; .NET 8 cannot do that on generic or struct owners, so those are left out.
            if (member.ContainingType is { IsGenericType: false, IsValueType: false })
            {
                result.ThroughUnsafeAccessor = true;
            }
            else
            {
                return null;
            }
        }

        return result;
    }

    private static PayloadMember? ReadAccessibleMember(ISymbol member, IAssemblySymbol? within)
    {
        var include = JsonAttributes.Has(member, JsonAttributes.Include);
        switch (member)
        {
            case IPropertySymbol property when !property.IsIndexer:
                var get = property.GetMethod;
                var set = property.SetMethod;
                bool canGet;
                bool canSet;
                if (include)
                {
                    // System.Text.Json's generator keeps an unreachable [JsonInclude] member, with accessors that throw,
                    // unless generated code cannot even name its type.
                    if (!IsTypeReachable(property.Type, within))
                    {
                        return null;
                    }

                    var reachable = IsReachable(property, within);
                    canGet = reachable && get is not null && IsReachable(get, within);
                    canSet = reachable && set is not null && IsReachable(set, within);
                    if ((get is not null && !canGet) || !canSet)
                    {
                        // No callable setter includes none at all: a library's internal setter is not even imported from
                        // metadata, so generated code cannot tell the two apart, and System.Text.Json's generator throws for both.
                        return new PayloadMember(member, property.Type, canGet, canSet ? (set!.IsInitOnly ? SetterKind.Init : SetterKind.Setter) : SetterKind.None, JsonAttributes.IgnoreConditionOf(member))
                        {
                            UnreachableIncludeGetter = get is not null && !canGet,
                            UnreachableIncludeSetter = true,
                        };
                    }
                }
                else
                {
                    if (property.DeclaredAccessibility != Accessibility.Public)
                    {
                        return null;
                    }

                    canGet = get is { DeclaredAccessibility: Accessibility.Public };
                    canSet = set is { DeclaredAccessibility: Accessibility.Public };
                }

                if (!canGet && !canSet)
                {
                    return null;
                }

                var setter = !canSet ? SetterKind.None : set!.IsInitOnly ? SetterKind.Init : SetterKind.Setter;
                return new PayloadMember(member, property.Type, canGet, setter, JsonAttributes.IgnoreConditionOf(member));
            case IFieldSymbol field when !field.IsConst:
                if (include && (!IsReachable(field, within) || field.IsReadOnly) && IsTypeReachable(field.Type, within))
                {
                    var fieldReachable = IsReachable(field, within);
                    return new PayloadMember(member, field.Type, fieldReachable, SetterKind.None, JsonAttributes.IgnoreConditionOf(member))
                    {
                        UnreachableIncludeGetter = !fieldReachable,
                        UnreachableIncludeSetter = true,
                    };
                }

                if (include ? !IsReachable(field, within) : field.DeclaredAccessibility != Accessibility.Public)
                {
                    return null;
                }

                return new PayloadMember(member, field.Type, true, field.IsReadOnly ? SetterKind.None : SetterKind.Setter, JsonAttributes.IgnoreConditionOf(member));
            default:
                return null;
        }
    }

    private static bool IsObsoleteError(ISymbol member)
        => JsonAttributes.Find(member, "System.ObsoleteAttribute") is { ConstructorArguments.Length: 2 } obsolete && obsolete.ConstructorArguments[1].Value is true;

    /// <summary>
    /// True when generated code in the event's assembly can create the converter a [JsonConverter] names: a
    /// non-abstract class whose type (with its containing types) and parameterless constructor are public, or
    /// internal and declared in the compilation's own source. System.Text.Json's generator reports SYSLIB1220
    /// for the others (third-party libraries often keep their converters internal).
    /// </summary>
    public static bool CanCreateConverter(INamedTypeSymbol converter)
    {
        if (converter.TypeKind != TypeKind.Class || converter.IsAbstract)
        {
            return false;
        }

        var declaredHere = converter.DeclaringSyntaxReferences.Length > 0;
        for (var current = converter; current is not null; current = current.ContainingType)
        {
            if (!IsCreatableFrom(current.DeclaredAccessibility, declaredHere))
            {
                return false;
            }
        }

        foreach (var constructor in converter.InstanceConstructors)
        {
            if (constructor.Parameters.Length == 0 && IsCreatableFrom(constructor.DeclaredAccessibility, declaredHere))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Why <see cref="CanCreateConverter"/> said no, as a phrase for the diagnostics.</summary>
    public static string ConverterNotCreatable(INamedTypeSymbol converter)
        => $"its [JsonConverter] type '{converter.Name}' cannot be created by generated code: the type or its parameterless constructor is not accessible from this assembly";

    private static bool IsCreatableFrom(Accessibility accessibility, bool declaredHere)
        => accessibility == Accessibility.Public || (declaredHere && accessibility is Accessibility.Internal or Accessibility.ProtectedOrInternal);

    /// <summary>Whether generated code in <paramref name="within"/> can use the member: public, or internal to that assembly.</summary>
    public static bool IsReachable(ISymbol symbol, IAssemblySymbol? within)
        => symbol.DeclaredAccessibility switch
        {
            Accessibility.Public => true,
            Accessibility.Internal or Accessibility.ProtectedOrInternal => within is not null && SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, within),
            _ => false,
        };

    /// <summary>Whether generated code in <paramref name="within"/> can name <paramref name="type"/> (and its element and type arguments).</summary>
    private static bool IsTypeReachable(ITypeSymbol type, IAssemblySymbol? within)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return IsTypeReachable(array.ElementType, within);
            case INamedTypeSymbol named:
                for (var current = named; current is not null; current = current.ContainingType)
                {
                    if (!IsReachable(current, within))
                    {
                        return false;
                    }
                }

                foreach (var argument in named.TypeArguments)
                {
                    if (!IsTypeReachable(argument, within))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    private static bool ContainsTypeParameter(INamedTypeSymbol type)
    {
        foreach (var argument in type.TypeArguments)
        {
            if (argument is ITypeParameterSymbol || (argument is INamedTypeSymbol named && ContainsTypeParameter(named)) || (argument is IArrayTypeSymbol { ElementType: ITypeParameterSymbol }))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEnumerable(INamedTypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_Collections_IEnumerable)
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.SpecialType == SpecialType.System_Collections_IEnumerable)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The type or its first base type constructed from <paramref name="definition"/>.</summary>
    private static INamedTypeSymbol? BaseOf(INamedTypeSymbol type, string definition)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && TypeNames.MetadataName(current.OriginalDefinition) == definition)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>The type itself when it is the interface, else the first implemented interface constructed from <paramref name="definition"/>.</summary>
    private static INamedTypeSymbol? InterfaceOf(INamedTypeSymbol type, string definition)
    {
        if (type.IsGenericType && TypeNames.MetadataName(type.OriginalDefinition) == definition)
        {
            return type;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (TypeNames.MetadataName(implemented.OriginalDefinition) == definition)
            {
                return implemented;
            }
        }

        return null;
    }
}
