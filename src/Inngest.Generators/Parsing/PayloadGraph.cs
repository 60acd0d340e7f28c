using System.Collections.Generic;
using System.Threading;
using Inngest.Generators.Model;
using Inngest.Generators.Rules;
using Microsoft.CodeAnalysis;

namespace Inngest.Generators.Parsing;

/// <summary>
/// The one walk over a payload's type graph: from the event type through element, key, member and
/// [JsonDerivedType] types. The parser turns what it finds into <see cref="TypeShape"/>s; the INNG011
/// analyzer walks the same graph and hears about every member whose type gets no metadata, so it
/// reports exactly the members the generated code leaves to the options' resolver chain.
/// </summary>
internal sealed class PayloadGraph
{
    /// <summary>Hears about a member whose type (or an element, key or underlying type of it) the generator cannot describe.</summary>
    public delegate void UndescribableMember(INamedTypeSymbol owner, ISymbol member, ITypeSymbol problem, string reason);

    private static readonly SpecialType[] RunTimePrimitives =
    {
        SpecialType.System_Boolean, SpecialType.System_Int32, SpecialType.System_Int64, SpecialType.System_Double,
        SpecialType.System_Decimal, SpecialType.System_String, SpecialType.System_DateTime,
    };

    private readonly IAssemblySymbol _assembly;
    private readonly Compilation _compilation;
    private readonly UndescribableMember? _report;
    private readonly System.Action<INamedTypeSymbol>? _visit;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ITypeSymbol, byte>? _visited;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, TypeShape?> _shapes = new(System.StringComparer.Ordinal);
    private readonly List<string> _order = new();
    private readonly Queue<ITypeSymbol> _queue = new();
    private readonly FastPathPlanner _planner = new();

    private PayloadGraph(Compilation compilation, UndescribableMember? report, System.Action<INamedTypeSymbol>? visit, CancellationToken cancellationToken,
        System.Collections.Concurrent.ConcurrentDictionary<ITypeSymbol, byte>? visited = null)
    {
        _visited = visited;
        _compilation = compilation;
        _assembly = compilation.Assembly;
        _report = report;
        _visit = visit;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Every type the payload reaches that gets generated metadata, fast path and reader planned.</summary>
    public static EquatableArray<TypeShape> Describe(ITypeSymbol root, Compilation compilation, CancellationToken cancellationToken = default)
    {
        var graph = new PayloadGraph(compilation, null, null, cancellationToken);
        graph.Walk(root);
        return ReaderPlanner.Plan(graph._planner.Plan(graph._order, graph._shapes));
    }

    /// <summary>
    /// Walks the graph to report the members whose types get no metadata; <paramref name="visit"/> sees every named type
    /// reached. Types already in <paramref name="visited"/> (walked for another event of the compilation) are not walked again.
    /// Builds no shapes: the same members, classifications and edges as <see cref="Describe"/>, at a fraction of the cost.
    /// </summary>
    public static void FindUndescribable(ITypeSymbol root, Compilation compilation, UndescribableMember report, CancellationToken cancellationToken,
        System.Action<INamedTypeSymbol>? visit, System.Collections.Concurrent.ConcurrentDictionary<ITypeSymbol, byte> visited)
        => new PayloadGraph(compilation, report, visit, cancellationToken, visited).Walk(root);

    /// <summary>The first type in <paramref name="type"/> or its element, key or underlying types that cannot be described, with why.</summary>
    public static (ITypeSymbol Type, string Reason)? FirstUndescribable(ITypeSymbol type)
    {
        var pending = new Stack<ITypeSymbol>();
        var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        pending.Push(type);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            var classification = TypeShapeRules.Classify(current);
            if (!classification.IsSupported)
            {
                return (current, classification.Reason!);
            }

            if (classification.Element is { } element)
            {
                pending.Push(element);
            }

            if (classification.Key is { } key)
            {
                pending.Push(key);
            }
        }

        return null;
    }

    private void Walk(ITypeSymbol root)
    {
        _queue.Enqueue(root);
        while (_queue.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var type = _queue.Dequeue();
            if (type is INamedTypeSymbol { IsTupleType: true, TupleUnderlyingType: { } underlying })
            {
                // (int Id, string Name) is ValueTuple<int, string>: its members are Item1, Item2 (fields, written only with IncludeFields).
                type = underlying;
            }

            var fqn = TypeNames.Fqn(type);
            if (_shapes.ContainsKey(fqn))
            {
                continue;
            }

            _shapes[fqn] = null; // taken, also while its members are read (recursive types)
            if (_visited is not null)
            {
                if (_visited.TryAdd(type, 0))
                {
                    Visit(type, fqn);
                }

                continue;
            }

            _order.Add(fqn);
            _shapes[fqn] = DescribeType(type, fqn);
        }
    }

    /// <summary>The analyzer's walk step: what <see cref="DescribeType"/> reaches, without building the shape.</summary>
    private void Visit(ITypeSymbol type, string fqn)
    {
        var classification = TypeShapeRules.Classify(type);
        if (!classification.IsSupported)
        {
            return;
        }

        if (classification.Element is { } element)
        {
            _queue.Enqueue(element);
        }

        if (classification.Key is { } key)
        {
            _queue.Enqueue(key);
        }

        if (type is not INamedTypeSymbol named)
        {
            return;
        }

        _visit?.Invoke(named);
        if (classification.Kind == TypeShapeKind.Object)
        {
            foreach (var member in TypeShapeRules.Members(named, _assembly))
            {
                OnMember(named, member, fqn);
            }

            foreach (var derived in JsonAttributes.DerivedTypesOf(named))
            {
                _queue.Enqueue(derived);
            }
        }
    }

    private TypeShape? DescribeType(ITypeSymbol type, string fqn)
    {
        var classification = TypeShapeRules.Classify(type);
        if (classification.Kind is not { } kind)
        {
            _planner.Undescribable(fqn);
            return null;
        }

        if (classification.IsResolvedAtRunTime)
        {
            _planner.ResolvedAtRunTime(fqn);
            // As System.Text.Json's generator does for object: the primitives a value read into object, or a
            // common run-time type, needs, so the context itself can write them.
            foreach (var primitive in RunTimePrimitives)
            {
                if (_compilation.GetSpecialType(primitive) is { TypeKind: not TypeKind.Error } special)
                {
                    _queue.Enqueue(special);
                }
            }

            if (_compilation.GetTypeByMetadataName("System.Text.Json.JsonElement") is { } jsonElement)
            {
                _queue.Enqueue(jsonElement);
            }
        }

        if (classification.Element is { } element)
        {
            Enqueue(element, fqn);
        }

        if (classification.Key is { } key)
        {
            Enqueue(key, fqn);
        }

        var named = type as INamedTypeSymbol;
        if (named is not null)
        {
            _visit?.Invoke(named);
        }

        ObjectShape? obj = null;
        if (kind == TypeShapeKind.Object)
        {
            obj = ObjectShapeReader.Read(named!, _assembly, member => OnMember(named!, member, fqn));
            foreach (var derived in JsonAttributes.DerivedTypesOf(named!))
            {
                // System.Text.Json asks the options for each derived type's metadata: the context has it.
                _queue.Enqueue(derived);
            }
        }

        return new TypeShape
        {
            Fqn = fqn,
            DisplayName = TypeNames.DisplayName(type),
            Kind = kind,
            IsValueType = type.IsValueType,
            ValueConverter = classification.ValueConverter,
            EnumNumberType = kind == TypeShapeKind.Enum ? EnumNumberType(named!) : null,
            Collection = classification.Collection,
            ElementFqn = classification.Element is { } e ? TypeNames.Fqn(e) : null,
            KeyFqn = classification.Key is { } k ? TypeNames.Fqn(k) : null,
            CreateRangeMethod = classification.CreateRangeMethod,
            HasParameterlessConstructor = named is not null && HasPublicParameterlessConstructor(named),
            CustomConverter = kind == TypeShapeKind.CustomConverter ? ConverterExpressions.Expression(JsonAttributes.ConverterTypeOf(named!)!, type) : null,
            Object = obj,
            IsPolymorphic = named is not null && JsonAttributes.IsPolymorphic(named),
            EnumMembers = named is not null ? SchemaFacts.EnumMembers(named) : EquatableArray<EnumMemberShape>.Empty,
            IsFlagsEnum = named is not null && SchemaFacts.IsFlags(named),
            Polymorphism = named is not null ? SchemaFacts.Polymorphism(named) : null,
        };
    }

    private void OnMember(INamedTypeSymbol owner, PayloadMember member, string ownerFqn)
    {
        if (member.IsIgnored)
        {
            return;
        }

        // Also with a member [JsonConverter]: System.Text.Json still resolves the member type's metadata.
        if (_report is not null && FirstUndescribable(member.Type) is var (problem, reason))
        {
            _report(owner, member.Symbol, problem, reason);
        }

        Enqueue(member.Type, ownerFqn);
    }

    private void Enqueue(ITypeSymbol type, string fromFqn)
    {
        _planner.Edge(fromFqn, TypeNames.Fqn(type));
        _queue.Enqueue(type);
    }

    private static bool HasPublicParameterlessConstructor(INamedTypeSymbol type)
    {
        if (type.IsAbstract || type.TypeKind == TypeKind.Interface)
        {
            return false;
        }

        if (type.IsValueType)
        {
            return true;
        }

        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.Parameters.Length == 0 && constructor.DeclaredAccessibility == Accessibility.Public)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The C# type an enum's number is written as on the fast path (the writer overload System.Text.Json's enum converter uses).</summary>
    private static string? EnumNumberType(INamedTypeSymbol type)
        => type.EnumUnderlyingType?.SpecialType switch
        {
            SpecialType.System_Int32 or SpecialType.System_SByte or SpecialType.System_Int16 => "int",
            SpecialType.System_UInt32 or SpecialType.System_Byte or SpecialType.System_UInt16 => "uint",
            SpecialType.System_Int64 => "long",
            SpecialType.System_UInt64 => "ulong",
            _ => null,
        };
}
