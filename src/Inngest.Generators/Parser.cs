using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Inngest.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inngest.Generators;

/// <summary>Turns an [InngestEvent] type symbol into an <see cref="EventModel"/>. Runs inside the transform.</summary>
internal static class Parser
{
    private const string JsonSerialization = "System.Text.Json.Serialization.";

    /// <summary>Display without nullable reference annotations, global::-qualified.</summary>
    private static readonly SymbolDisplayFormat FqnFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    public static EventModel? Parse(INamedTypeSymbol type, AttributeData attribute, Compilation compilation)
    {
        if (EventTypeRules.ReadArguments(attribute) is not ({ } name, var version, var methodName))
        {
            return null;
        }

        if (!EventTypeRules.CanGenerate(type, name, methodName) || !TypeShapeRules.Classify(type).IsSupported)
        {
            // The analyzers report why (INNG001-INNG012); an event type that is itself undescribable
            // (abstract, ref struct, a collection) has no metadata to implement the interface with.
            return null;
        }

        var containers = new List<ContainingTypeModel>();
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            containers.Insert(0, new ContainingTypeModel(Keyword(container), container.Name));
        }

        var isPublic = true;
        for (var current = type; current is not null; current = current.ContainingType)
        {
            isPublic &= current.DeclaredAccessibility == Accessibility.Public;
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : string.Empty;
        var fqn = Fqn(type);
        return new EventModel(
            ns,
            containers.ToEquatableArray(),
            type.Name,
            Keyword(type),
            fqn,
            name,
            version,
            EventTypeRules.MethodNameFor(type.Name, methodName),
            isPublic,
            HintName(type),
            new GraphWalker(compilation.Assembly).Walk(type));
    }

    public static string Fqn(ITypeSymbol type) => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(FqnFormat);

    private static string Keyword(INamedTypeSymbol type)
        => type.TypeKind switch
        {
            TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
            TypeKind.Interface => "interface",
            _ => type.IsRecord ? "record" : "class",
        };

    private static string HintName(INamedTypeSymbol type)
    {
        var builder = new StringBuilder();
        foreach (var c in TypeShapeRules.MetadataName(type))
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '.' ? c : '_');
        }

        return builder.Append(".InngestEvent.g.cs").ToString();
    }

    /// <summary>Walks the payload's type graph and describes every type the generator can.</summary>
    private sealed class GraphWalker
    {
        private readonly IAssemblySymbol _assembly;
        private readonly Dictionary<string, TypeShape?> _shapes = new(System.StringComparer.Ordinal);
        private readonly List<string> _order = new();

        // For the fast path: which object types reach which types, and which types are undescribable.
        private readonly Dictionary<string, List<string>> _edges = new(System.StringComparer.Ordinal);
        private readonly HashSet<string> _blocked = new(System.StringComparer.Ordinal);

        public GraphWalker(IAssemblySymbol assembly) => _assembly = assembly;

        public EquatableArray<TypeShape> Walk(ITypeSymbol root)
        {
            var queue = new Queue<ITypeSymbol>();
            queue.Enqueue(root);
            while (queue.Count > 0)
            {
                var type = queue.Dequeue();
                var fqn = Fqn(type);
                if (_shapes.ContainsKey(fqn))
                {
                    continue;
                }

                var shape = Describe(type, fqn, queue);
                _shapes[fqn] = shape;
                _order.Add(fqn);
            }

            // A type gets a fast path only when everything it reaches is described and fast-path safe.
            var changed = true;
            while (changed)
            {
                changed = false;
                foreach (var pair in _edges)
                {
                    if (_blocked.Contains(pair.Key))
                    {
                        continue;
                    }

                    foreach (var target in pair.Value)
                    {
                        if (_blocked.Contains(target) || !_shapes.TryGetValue(target, out var targetShape) || targetShape is null)
                        {
                            _blocked.Add(pair.Key);
                            changed = true;
                            break;
                        }
                    }
                }
            }

            var result = new List<TypeShape>();
            foreach (var fqn in _order)
            {
                if (_shapes[fqn] is not { } shape)
                {
                    continue;
                }

                if (shape.Object is { FastPath: true } obj && _blocked.Contains(fqn))
                {
                    shape = shape with { Object = obj with { FastPath = false } };
                }

                result.Add(shape);
            }

            return result.ToEquatableArray();
        }

        private TypeShape? Describe(ITypeSymbol type, string fqn, Queue<ITypeSymbol> queue)
        {
            var classification = TypeShapeRules.Classify(type);
            var edges = new List<string>();
            _edges[fqn] = edges;
            if (!classification.IsSupported)
            {
                _blocked.Add(fqn);
                return null;
            }

            if (classification.Element is { } element)
            {
                queue.Enqueue(element);
                edges.Add(Fqn(element));
            }

            if (classification.Kind is ShapeKind.Dictionary or ShapeKind.IDictionary or ShapeKind.IReadOnlyDictionary)
            {
                var key = ((INamedTypeSymbol)type).TypeArguments[0];
                queue.Enqueue(key);
            }

            var converter = type is INamedTypeSymbol named ? ConverterExpression(TypeShapeRules.ConverterType(named), type) : null;
            if (converter is not null)
            {
                // A custom converter writes the value: no fast path for types that contain it, as
                // System.Text.Json's own generator does.
                _blocked.Add(fqn);
            }

            ObjectShape? obj = null;
            if (classification.Kind == ShapeKind.Object && converter is null)
            {
                obj = DescribeObject((INamedTypeSymbol)type, queue, edges);
            }

            return new TypeShape(
                fqn,
                DisplayName(type),
                classification.Kind,
                type.IsValueType,
                classification.Kind == ShapeKind.Enum ? EnumNumberType(type) : classification.ValueConverter,
                classification.Element is { } e ? Fqn(e) : null,
                converter,
                obj);
        }

        private ObjectShape DescribeObject(INamedTypeSymbol type, Queue<ITypeSymbol> queue, List<string> edges)
        {
            var fastPath = true;
            int? typeNumberHandling = NumberHandling(type);
            if (typeNumberHandling is not null)
            {
                fastPath = false;
            }

            var members = new List<(MemberShape Shape, ISymbol Symbol)>();
            foreach (var member in TypeShapeRules.Members(type, _assembly))
            {
                var symbol = member.Symbol;
                var memberType = member.Type;
                var memberFqn = Fqn(memberType);
                var converterType = TypeShapeRules.ConverterType(symbol);
                string? memberConverter = null;
                string? converterUnderlying = null;
                if (converterType is not null)
                {
                    // On a Nullable<T> member the converter may convert T? or only T; the generated code
                    // asks it at run time and wraps a T converter, as reflection does.
                    var target = memberType;
                    if (memberType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
                    {
                        target = nullable.TypeArguments[0];
                        converterUnderlying = Fqn(target);
                    }

                    memberConverter = ConverterExpression(converterType, target);
                }

                var described = TypeShapeRules.FirstUndescribable(memberType) is null;
                queue.Enqueue(memberType);
                edges.Add(memberFqn);

                var property = symbol as IPropertySymbol;
                var setter = SetterKind.None;
                var included = TypeShapeRules.HasAttribute(symbol, JsonSerialization + "JsonIncludeAttribute");
                // Reflection uses a non-public setter only on a [JsonInclude] member.
                if (property?.SetMethod is { } set && (set.DeclaredAccessibility == Accessibility.Public || (included && IsReachable(set))))
                {
                    setter = set.IsInitOnly ? SetterKind.Init : SetterKind.Setter;
                }
                else if (symbol is IFieldSymbol field && !field.IsReadOnly)
                {
                    setter = SetterKind.Setter;
                }

                var jsonName = JsonPropertyName(symbol);
                var ignore = TypeShapeRules.IgnoreCondition(symbol);
                var numberHandling = NumberHandling(symbol);
                var extensionData = TypeShapeRules.HasAttribute(symbol, JsonSerialization + "JsonExtensionDataAttribute");
                var fastWrite = FastWrite(memberType);
                if (memberConverter is not null || numberHandling is not null || extensionData || !described)
                {
                    fastPath = false;
                }

                members.Add((new MemberShape(
                    symbol.Name,
                    jsonName,
                    jsonName ?? CamelCase(symbol.Name),
                    memberFqn,
                    Fqn(symbol.ContainingType),
                    property is not null,
                    // System.Text.Json rejects non-public [JsonInclude] members it believes it cannot reach;
                    // the generated accessors reach every member listed here.
                    true,
                    property is { } p && (p.IsVirtual || p.IsOverride || p.IsAbstract),
                    true,
                    setter,
                    IsRequired(symbol),
                    ignore is 0 ? null : ignore,
                    included,
                    extensionData,
                    numberHandling,
                    memberConverter,
                    converterUnderlying,
                    Order(symbol),
                    memberType.IsValueType,
                    memberType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T },
                    described,
                    fastWrite), symbol));
            }

            // System.Text.Json orders by [JsonPropertyOrder], stable within equal orders.
            var ordered = new List<(MemberShape Shape, ISymbol Symbol)>(members);
            StableSortByOrder(ordered);

            var (creation, parameters, ctorCount, requiredSetByCtor) = DescribeCreation(type, ordered);
            var shapes = new List<MemberShape>(ordered.Count);
            foreach (var (shape, _) in ordered)
            {
                shapes.Add(requiredSetByCtor && shape.IsRequired ? shape with { IsRequired = false } : shape);
            }

            return new ObjectShape(shapes.ToEquatableArray(), creation, parameters, ctorCount, typeNumberHandling, fastPath);
        }

        private (CreationKind, EquatableArray<ParameterShape>, int, bool) DescribeCreation(INamedTypeSymbol type, List<(MemberShape Shape, ISymbol Symbol)> members)
        {
            var constructor = DeserializationConstructor(type);
            if (constructor is null && !type.IsValueType)
            {
                return (CreationKind.None, EquatableArray<ParameterShape>.Empty, 0, false);
            }

            var parameters = new List<ParameterShape>();
            var bound = new HashSet<string>(System.StringComparer.Ordinal);
            if (constructor is not null)
            {
                foreach (var parameter in constructor.Parameters)
                {
                    MemberShape? match = null;
                    foreach (var (shape, _) in members)
                    {
                        if (string.Equals(shape.ClrName, parameter.Name, System.StringComparison.OrdinalIgnoreCase) && shape.TypeFqn == Fqn(parameter.Type))
                        {
                            match = shape;
                            break;
                        }
                    }

                    if (match is null || parameter.RefKind != RefKind.None)
                    {
                        // A parameter that binds to no member: System.Text.Json cannot use this constructor.
                        return (CreationKind.None, EquatableArray<ParameterShape>.Empty, 0, false);
                    }

                    bound.Add(match.ClrName);
                    var (hasDefault, defaultValue) = DefaultValue(parameter);
                    parameters.Add(new ParameterShape(parameter.Name, Fqn(parameter.Type), hasDefault, defaultValue));
                }
            }

            var ctorCount = parameters.Count;
            var setsRequired = constructor is not null && TypeShapeRules.HasAttribute(constructor, "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute");
            foreach (var (shape, _) in members)
            {
                if (bound.Contains(shape.ClrName) || shape.Setter == SetterKind.None)
                {
                    continue;
                }

                if (shape.Setter == SetterKind.Init || (shape.IsRequired && !setsRequired))
                {
                    parameters.Add(new ParameterShape(shape.ClrName, shape.TypeFqn, false, null));
                }
            }

            if (parameters.Count == 0)
            {
                return (CreationKind.Parameterless, EquatableArray<ParameterShape>.Empty, 0, setsRequired);
            }

            return (CreationKind.Parameterized, parameters.ToEquatableArray(), ctorCount, setsRequired);
        }

        /// <summary>The constructor System.Text.Json's reflection resolver picks, or null for a struct's default.</summary>
        private static IMethodSymbol? DeserializationConstructor(INamedTypeSymbol type)
        {
            if (type.IsAbstract)
            {
                return null;
            }

            IMethodSymbol? parameterless = null;
            IMethodSymbol? single = null;
            var publicCount = 0;
            foreach (var constructor in type.InstanceConstructors)
            {
                if (TypeShapeRules.HasAttribute(constructor, JsonSerialization + "JsonConstructorAttribute")
                    && constructor.DeclaredAccessibility == Accessibility.Public)
                {
                    return constructor;
                }

                if (constructor.DeclaredAccessibility != Accessibility.Public)
                {
                    continue;
                }

                publicCount++;
                if (constructor.Parameters.Length == 0)
                {
                    parameterless = constructor;
                }
                else
                {
                    single = constructor;
                }
            }

            if (type.IsValueType)
            {
                return null;
            }

            return parameterless ?? (publicCount == 1 ? single : null);
        }

        private bool IsReachable(ISymbol symbol)
            => symbol.DeclaredAccessibility == Accessibility.Public
                || (symbol.DeclaredAccessibility is Accessibility.Internal or Accessibility.ProtectedOrInternal
                    && SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, _assembly));

        private static bool IsRequired(ISymbol symbol)
            => symbol switch
            {
                IPropertySymbol property => property.IsRequired,
                IFieldSymbol field => field.IsRequired,
                _ => false,
            };

        private static (bool, string?) DefaultValue(IParameterSymbol parameter)
        {
            if (!parameter.HasExplicitDefaultValue)
            {
                return (false, null);
            }

            var value = parameter.ExplicitDefaultValue;
            if (value is null)
            {
                return (true, "null");
            }

            var literal = value switch
            {
                string s => SymbolDisplay.FormatLiteral(s, quote: true),
                char c => SymbolDisplay.FormatLiteral(c, quote: true),
                bool b => b ? "true" : "false",
                float f => f.ToString("R", CultureInfo.InvariantCulture) + "F",
                double d => d.ToString("R", CultureInfo.InvariantCulture) + "D",
                decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
                long l => l.ToString(CultureInfo.InvariantCulture) + "L",
                ulong ul => ul.ToString(CultureInfo.InvariantCulture) + "UL",
                uint ui => ui.ToString(CultureInfo.InvariantCulture) + "U",
                System.IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => null,
            };

            if (literal is null || (value is float or double && literal.Contains("N")))
            {
                return (false, null);
            }

            var target = parameter.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n ? n.TypeArguments[0] : parameter.Type;
            if (target.TypeKind == TypeKind.Enum || value is byte or sbyte or short or ushort)
            {
                literal = "(" + Fqn(target) + ")(" + literal + ")";
            }

            return (true, literal);
        }

        private static string? JsonPropertyName(ISymbol symbol)
            => TypeShapeRules.FindAttribute(symbol, JsonSerialization + "JsonPropertyNameAttribute") is { ConstructorArguments.Length: 1 } attribute
                ? attribute.ConstructorArguments[0].Value as string
                : null;

        private static int Order(ISymbol symbol)
            => TypeShapeRules.FindAttribute(symbol, JsonSerialization + "JsonPropertyOrderAttribute") is { ConstructorArguments.Length: 1 } attribute
                && attribute.ConstructorArguments[0].Value is int order
                ? order
                : 0;

        private static int? NumberHandling(ISymbol symbol)
            => TypeShapeRules.FindAttribute(symbol, JsonSerialization + "JsonNumberHandlingAttribute") is { ConstructorArguments.Length: 1 } attribute
                && attribute.ConstructorArguments[0].Value is int handling
                ? handling
                : null;

        private static void StableSortByOrder(List<(MemberShape Shape, ISymbol Symbol)> members)
        {
            // Insertion sort: stable and the lists are short.
            for (var i = 1; i < members.Count; i++)
            {
                var item = members[i];
                var j = i - 1;
                while (j >= 0 && members[j].Shape.Order > item.Shape.Order)
                {
                    members[j + 1] = members[j];
                    j--;
                }

                members[j + 1] = item;
            }
        }

        /// <summary>
        /// The type an enum's number is written as on the fast path (the writer overload System.Text.Json's
        /// enum converter uses for its underlying type), or null.
        /// </summary>
        private static string? EnumNumberType(ITypeSymbol type)
            => (type as INamedTypeSymbol)?.EnumUnderlyingType?.SpecialType switch
            {
                SpecialType.System_Int32 or SpecialType.System_SByte or SpecialType.System_Int16 => "int",
                SpecialType.System_UInt32 or SpecialType.System_Byte or SpecialType.System_UInt16 => "uint",
                SpecialType.System_Int64 => "long",
                SpecialType.System_UInt64 => "ulong",
                _ => null,
            };

        private static FastWriteKind FastWrite(ITypeSymbol type)
            => type.SpecialType switch
            {
                SpecialType.System_Boolean => FastWriteKind.Boolean,
                SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                    or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal => FastWriteKind.Number,
                SpecialType.System_SByte or SpecialType.System_Int16 => FastWriteKind.NumberAsInt,
                SpecialType.System_Byte or SpecialType.System_UInt16 => FastWriteKind.NumberAsUInt,
                SpecialType.System_String or SpecialType.System_DateTime => FastWriteKind.String,
                _ => type is INamedTypeSymbol named && TypeShapeRules.MetadataName(named) is "System.Guid" or "System.DateTimeOffset"
                    ? FastWriteKind.String
                    : FastWriteKind.Serialize,
            };

        /// <summary>
        /// The expression that creates the converter. The non-generic JsonStringEnumConverter uses
        /// reflection, so on an enum it becomes the AOT-safe JsonStringEnumConverter&lt;TEnum&gt;.
        /// </summary>
        private static string? ConverterExpression(INamedTypeSymbol? converter, ITypeSymbol target)
        {
            if (converter is null)
            {
                return null;
            }

            if (TypeShapeRules.MetadataName(converter) == JsonSerialization + "JsonStringEnumConverter" && target.TypeKind == TypeKind.Enum)
            {
                return "new global::System.Text.Json.Serialization.JsonStringEnumConverter<" + Fqn(target) + ">()";
            }

            return "new " + Fqn(converter) + "()";
        }

        private static string DisplayName(ITypeSymbol type)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    return DisplayName(array.ElementType) + "Array";
                case INamedTypeSymbol named:
                    var builder = new StringBuilder();
                    for (var container = named.ContainingType; container is not null; container = container.ContainingType)
                    {
                        builder.Insert(0, container.Name);
                    }

                    builder.Append(named.MetadataName.Split('`')[0]);
                    foreach (var argument in named.TypeArguments)
                    {
                        builder.Append(DisplayName(argument));
                    }

                    return builder.ToString();
                default:
                    return "Type";
            }
        }
    }

    /// <summary>System.Text.Json's camelCase naming policy, applied at compile time for the fast path.</summary>
    public static string CamelCase(string name)
    {
        if (string.IsNullOrEmpty(name) || !char.IsUpper(name[0]))
        {
            return name;
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            var hasNext = i + 1 < chars.Length;
            if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
            {
                if (chars[i + 1] == ' ')
                {
                    chars[i] = char.ToLowerInvariant(chars[i]);
                }

                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }
}
