using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Inngest.Generators.Parsing;
using Inngest.Generators.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Generators.Diagnostics;

/// <summary>
/// Walks each event payload's type graph with the generator's own walk (<see cref="PayloadGraph"/>) and
/// reports what the generated metadata cannot cover: INNG011 for a member whose type gets no metadata
/// (resolved at run time through the options' resolver chain), INNG014 for a [JsonInclude] member the
/// generated code cannot reach, INNG015 for the reflection-based JsonStringEnumConverter, INNG016 for a member [JsonConverter] generated code cannot create,
/// INNG027 for a [JsonConstructor] generated code cannot use, INNG028 for an invalid [JsonExtensionData] member.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsupportedMemberAnalyzer : EventTypeAnalyzer
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.CSharpErrorMessageFormat;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnsupportedMember,
        DiagnosticDescriptors.UnreachableJsonInclude,
        DiagnosticDescriptors.ReflectionStringEnumConverter,
        DiagnosticDescriptors.ConverterNotCreatable,
        DiagnosticDescriptors.UnusableJsonConstructor,
        DiagnosticDescriptors.InvalidExtensionData);

    /// <inheritdoc/>
    private protected override void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, EventAttributeInfo info, object? state)
    {
        if (!EventTypeRules.CanGenerate(type, info.Name, info.MethodName))
        {
            // The other analyzers report why; the generator emits nothing for it.
            return;
        }

        var fallback = info.IdentifierLocation;
        var once = (ReportedOnce)state!;
        var assembly = context.Compilation.Assembly;
        PayloadGraph.FindUndescribable(type, context.Compilation, (owner, member, problem, reason) =>
        {
            if (once.First(DiagnosticDescriptors.UnsupportedMember, member))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.UnsupportedMember,
                    LocationOf(member, fallback),
                    owner.ToDisplayString(TypeFormat),
                    member.Name,
                    problem.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeFormat),
                    reason));
            }
        }, context.CancellationToken, visit: objectType =>
        {
            foreach (var (member, part) in TypeShapeRules.UnreachableIncludes(objectType, assembly))
            {
                if (!once.First(DiagnosticDescriptors.UnreachableJsonInclude, member))
                {
                    continue;
                }

                var accessor = member is IPropertySymbol property ? (part == "getter" ? (ISymbol?)property.GetMethod ?? property : property.SetMethod!) : member;
                var effect = part is "getter" or "field" ? "writing the type throws InvalidOperationException" : "reading it back throws InvalidOperationException when the JSON holds the member";
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.UnreachableJsonInclude,
                    LocationOf(member, fallback),
                    objectType.ToDisplayString(TypeFormat),
                    member.Name,
                    part,
                    Accessibility(accessor),
                    effect));
            }

            foreach (var (member, converter) in UncreatableMemberConverters(objectType))
            {
                if (once.First(DiagnosticDescriptors.ConverterNotCreatable, member))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.ConverterNotCreatable,
                        LocationOf(member, fallback),
                        objectType.ToDisplayString(TypeFormat),
                        member.Name,
                        converter.ToDisplayString(TypeFormat)));
                }
            }

            ReportConstructorProblem(context, objectType, assembly, fallback);
            foreach (var (member, reason, systemTextJsonId) in ExtensionDataRules.Problems(objectType, assembly))
            {
                if (once.First(DiagnosticDescriptors.InvalidExtensionData, member))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.InvalidExtensionData,
                        LocationOf(member, fallback),
                        objectType.ToDisplayString(TypeFormat),
                        member.Name,
                        reason,
                        systemTextJsonId));
                }
            }

            foreach (var (target, converterTarget) in StringEnumConverterUses(objectType))
            {
                if (once.First(DiagnosticDescriptors.ReflectionStringEnumConverter, target))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.ReflectionStringEnumConverter,
                        LocationOf(target, fallback),
                        target.ToDisplayString(TypeFormat),
                        converterTarget.ToDisplayString(TypeFormat)));
                }
            }
        }, visited: once.Walked);
    }

    /// <summary>INNG027 for a type whose [JsonConstructor] generated code cannot use; each object type is visited once per compilation.</summary>
    private static void ReportConstructorProblem(SymbolAnalysisContext context, INamedTypeSymbol type, IAssemblySymbol assembly, Location fallback)
    {
        var choice = DeserializationConstructor.Choose(type, assembly);
        if (choice.Problem == MarkedConstructorProblem.None || choice.Marked is not { } marked)
        {
            return;
        }

        var multiple = choice.Problem == MarkedConstructorProblem.Multiple;
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.UnusableJsonConstructor,
            LocationOf(marked, fallback),
            type.ToDisplayString(TypeFormat),
            multiple ? "more than one constructor" : "the constructor '" + marked.ToDisplayString(TypeFormat) + "'",
            multiple ? "and System.Text.Json uses at most one" : "which is " + Accessibility(marked) + ", so generated code cannot call it",
            multiple ? "SYSLIB1033" : "SYSLIB1222",
            multiple ? "keep [JsonConstructor] on one constructor" : "make the constructor public (or internal, when the type is declared in this assembly)"));
    }

    private protected override object? CreateCompilationState() => new ReportedOnce();

    /// <summary>
    /// One report per rule and member, however many events reach its type, and the types already walked (a type many
    /// events reach is walked once per compilation).
    /// </summary>
    private sealed class ReportedOnce
    {
        private readonly ConcurrentDictionary<string, ConcurrentDictionary<ISymbol, byte>> _reported = new(System.StringComparer.Ordinal);

        public ConcurrentDictionary<ITypeSymbol, byte> Walked { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>True the first time <paramref name="rule"/> is about to be reported for <paramref name="symbol"/>.</summary>
        public bool First(DiagnosticDescriptor rule, ISymbol symbol)
            => _reported.GetOrAdd(rule.Id, _ => new ConcurrentDictionary<ISymbol, byte>(SymbolEqualityComparer.Default)).TryAdd(symbol, 0);
    }

    /// <summary>The members (this type's and its bases') whose [JsonConverter] the generated code cannot create.</summary>
    private static System.Collections.Generic.IEnumerable<(ISymbol Member, INamedTypeSymbol Converter)> UncreatableMemberConverters(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType is not SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol or IFieldSymbol && !member.IsStatic
                    && JsonAttributes.ConverterTypeOf(member) is { } converter && !TypeShapeRules.CanCreateConverter(converter))
                {
                    yield return (member, converter);
                }
            }
        }
    }

    /// <summary>The type and its members that name the non-generic JsonStringEnumConverter, with the enum it converts.</summary>
    private static System.Collections.Generic.IEnumerable<(ISymbol Target, ITypeSymbol Enum)> StringEnumConverterUses(INamedTypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Enum)
        {
            if (IsReflectionStringEnumConverter(JsonAttributes.ConverterTypeOf(type)))
            {
                yield return (type, type);
            }

            yield break;
        }

        foreach (var member in type.GetMembers())
        {
            var memberType = member switch
            {
                IPropertySymbol property => property.Type,
                IFieldSymbol field => field.Type,
                _ => null,
            };
            if (memberType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                memberType = nullable.TypeArguments[0];
            }

            if (memberType is { TypeKind: TypeKind.Enum } && IsReflectionStringEnumConverter(JsonAttributes.ConverterTypeOf(member)))
            {
                yield return (member, memberType);
            }
        }
    }

    private static bool IsReflectionStringEnumConverter(INamedTypeSymbol? converter)
        => converter is not null && TypeNames.MetadataName(converter) == JsonAttributes.StringEnumConverter;

    private static string Accessibility(ISymbol symbol)
        => symbol.DeclaredAccessibility switch
        {
            Microsoft.CodeAnalysis.Accessibility.Private => "private",
            Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
            Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
            _ => "internal to another assembly",
        };

    private static Location LocationOf(ISymbol symbol, Location fallback) => symbol.Locations.FirstOrDefault(l => l.IsInSource) ?? fallback;
}
