using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Generators.Analyzers;

/// <summary>
/// INNG011: reports each member of an event payload's type graph whose type the generator cannot
/// describe (object, interfaces, abstract or polymorphic types, ...). It walks the same graph with the
/// same rules as the generator (<see cref="TypeShapeRules"/>), so it reports exactly the members the
/// generated metadata leaves to the run-time resolver chain.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsupportedMemberAnalyzer : DiagnosticAnalyzer
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.CSharpErrorMessageFormat;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnsupportedMember);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var attribute = start.Compilation.GetTypeByMetadataName(EventTypeRules.AttributeMetadataName);
            if (attribute is null)
            {
                return;
            }

            // One report per member, however many events reach its type.
            var reported = new ConcurrentDictionary<ISymbol, byte>(SymbolEqualityComparer.Default);
            start.RegisterSymbolAction(symbol => Analyze(symbol, attribute, reported), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol attributeType, ConcurrentDictionary<ISymbol, byte> reported)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var attribute = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));
        if (attribute is null || EventTypeRules.ReadArguments(attribute) is not var (name, _, methodName)
            || !EventTypeRules.CanGenerate(type, name, methodName))
        {
            // The other analyzers report why; the generator emits nothing for it.
            return;
        }

        var fallback = type.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None;
        var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var queue = new Queue<ITypeSymbol>();
        queue.Enqueue(type);
        while (queue.Count > 0)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var current = queue.Dequeue();
            if (!seen.Add(current))
            {
                continue;
            }

            var shape = TypeShapeRules.Classify(current);
            if (!shape.IsSupported)
            {
                continue;
            }

            if (shape.Element is { } element)
            {
                queue.Enqueue(element);
            }

            if (shape.Kind != Model.ShapeKind.Object || current is not INamedTypeSymbol named || TypeShapeRules.HasConverterAttribute(named))
            {
                continue;
            }

            foreach (var member in TypeShapeRules.Members(named, context.Compilation.Assembly))
            {
                queue.Enqueue(member.Type);
                if (TypeShapeRules.FirstUndescribable(member.Type) is not { } problem
                    || !reported.TryAdd(member.Symbol, 0))
                {
                    continue;
                }

                var location = member.Symbol.Locations.FirstOrDefault(l => l.IsInSource) ?? fallback;
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.UnsupportedMember,
                    location,
                    named.ToDisplayString(TypeFormat),
                    member.Symbol.Name,
                    problem.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeFormat),
                    problem.Reason));
            }
        }
    }
}
