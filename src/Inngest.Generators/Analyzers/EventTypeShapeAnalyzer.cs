using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Generators.Analyzers;

/// <summary>
/// Checks that the generator can extend each <c>[InngestEvent]</c> type: it and its containing types are
/// partial (INNG008), none is generic (INNG009), none is private, protected or file-local (INNG010), and the
/// send method's name is a valid identifier (INNG012). The rules are <see cref="EventTypeRules"/>', so the
/// generator skips exactly the types reported here.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EventTypeShapeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.NotPartial,
        DiagnosticDescriptors.GenericType,
        DiagnosticDescriptors.InaccessibleType,
        DiagnosticDescriptors.InvalidMethodName);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var attributeType = start.Compilation.GetTypeByMetadataName(EventTypeRules.AttributeMetadataName);
            if (attributeType is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, attributeType), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol attributeType)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var info = EventAttributeInfo.TryRead(type, attributeType, context.CancellationToken);
        if (info is null)
        {
            return;
        }

        var nonPartial = NonPartialChain(type, context.CancellationToken);
        if (nonPartial.Count > 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.NotPartial,
                info.IdentifierLocation,
                info.DisplayName,
                JoinQuoted(nonPartial)));
        }

        if (EventTypeRules.IsGeneric(type))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GenericType, info.IdentifierLocation, info.DisplayName));
        }

        var inaccessible = DescribeInaccessibility(type);
        if (inaccessible is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InaccessibleType, info.IdentifierLocation, info.DisplayName, inaccessible));
        }

        var methodName = info.EffectiveMethodName;
        if (!EventTypeRules.IsValidMethodName(methodName))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidMethodName, info.MethodNameLocation, methodName, info.DisplayName));
        }
    }

    /// <summary>The type and containing types with no <c>partial</c> declaration, innermost first (same rule as <see cref="EventTypeRules.FirstNonPartial"/>).</summary>
    private static List<INamedTypeSymbol> NonPartialChain(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var result = new List<INamedTypeSymbol>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            var partial = false;
            foreach (var reference in current.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    partial = true;
                    break;
                }
            }

            if (!partial)
            {
                result.Add(current);
            }
        }

        return result;
    }

    /// <summary>Why the generated code cannot reach the type ("private", "nested in the file-local type 'Outer'"), or null.</summary>
    private static string? DescribeInaccessibility(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            string? reason = null;
            if (current.IsFileLocal)
            {
                reason = "file-local";
            }
            else
            {
                // The same rule as EventTypeRules.BlockingAccessibility, one level at a time.
                reason = current.DeclaredAccessibility switch
                {
                    Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal => null,
                    Accessibility.Private => "private",
                    Accessibility.Protected => "protected",
                    Accessibility.ProtectedAndInternal => "private protected",
                    var other => other.ToString().ToLowerInvariant(),
                };
            }

            if (reason is not null)
            {
                return SymbolEqualityComparer.Default.Equals(current, type)
                    ? reason
                    : "nested in the " + reason + " type '" + current.ToDisplayString(EventAttributeInfo.TypeFormat) + "'";
            }
        }

        return null;
    }

    private static string JoinQuoted(List<INamedTypeSymbol> types)
    {
        var names = new List<string>(types.Count);
        foreach (var type in types)
        {
            names.Add("'" + type.ToDisplayString(EventAttributeInfo.TypeFormat) + "'");
        }

        return names.Count == 1 ? names[0] : string.Join(", ", names.GetRange(0, names.Count - 1)) + " and " + names[names.Count - 1];
    }
}
