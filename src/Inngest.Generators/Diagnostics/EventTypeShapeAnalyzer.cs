using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Inngest.Generators.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Generators.Diagnostics;

/// <summary>
/// Checks that the generator can extend each <c>[InngestEvent]</c> type: it and its containing types are
/// partial (INNG008), none is generic (INNG009), none is private, protected or file-local (INNG010), and the
/// send method's name is a valid identifier (INNG012), and its JSON is an object (INNG013). The rules are <see cref="EventTypeRules"/>', so the
/// generator skips exactly the types reported here.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EventTypeShapeAnalyzer : EventTypeAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.NotPartial,
        DiagnosticDescriptors.GenericType,
        DiagnosticDescriptors.InaccessibleType,
        DiagnosticDescriptors.InvalidMethodName,
        DiagnosticDescriptors.PayloadNotAnObject);

    /// <inheritdoc />
    private protected override void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, EventAttributeInfo info, object? state)
    {
        var nonPartial = EventTypeRules.NonPartialChain(type, context.CancellationToken);
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

        if (EventTypeRules.NotAnObject(type) is { } notAnObject)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.PayloadNotAnObject, info.IdentifierLocation, info.DisplayName, notAnObject, type.Name + "Data"));
        }

        var methodName = info.EffectiveMethodName;
        if (!EventTypeRules.IsValidMethodName(methodName))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidMethodName, info.MethodNameLocation, methodName, info.DisplayName));
        }
    }

    /// <summary>Why the generated code cannot reach the type ("private", "nested in the file-local type 'Outer'"), or null.</summary>
    private static string? DescribeInaccessibility(INamedTypeSymbol type)
    {
        if (EventTypeRules.FirstUnreachable(type) is not var (blocking, reason))
        {
            return null;
        }

        return SymbolEqualityComparer.Default.Equals(blocking, type)
            ? reason
            : "nested in the " + reason + " type '" + blocking.ToDisplayString(EventAttributeInfo.TypeFormat) + "'";
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
