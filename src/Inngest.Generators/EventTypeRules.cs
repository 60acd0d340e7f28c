using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Generators;

/// <summary>
/// Rules about an <c>[InngestEvent]</c> type itself, as pure functions shared by the generator (which
/// skips a type that breaks one) and the analyzers (which report it).
/// </summary>
internal static class EventTypeRules
{
    public const string AttributeMetadataName = "Inngest.InngestEventAttribute";

    /// <summary>The default method name: the type name without a trailing "Event".</summary>
    public static string DefaultMethodName(string typeName)
        => typeName.Length > "Event".Length && typeName.EndsWith("Event", System.StringComparison.Ordinal)
            ? typeName.Substring(0, typeName.Length - "Event".Length)
            : typeName;

    /// <summary>The name between <c>Send</c> and <c>Async</c>: MethodName when set, else the default.</summary>
    public static string MethodNameFor(string typeName, string? methodName)
        => string.IsNullOrWhiteSpace(methodName) ? DefaultMethodName(typeName) : methodName!.Trim();

    public static bool IsValidMethodName(string name)
        => SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    /// <summary>The type or a containing type that is not declared <c>partial</c>, or null.</summary>
    public static INamedTypeSymbol? FirstNonPartial(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            var partial = false;
            foreach (var reference in current.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    partial = true;
                    break;
                }
            }

            if (!partial)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>True when the type or a containing type has type parameters.</summary>
    public static bool IsGeneric(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.TypeParameters.Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The accessibility that keeps generated code from reaching the type, or null if it is reachable.</summary>
    public static Accessibility? BlockingAccessibility(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            switch (current.DeclaredAccessibility)
            {
                case Accessibility.Public:
                case Accessibility.Internal:
                case Accessibility.ProtectedOrInternal:
                    continue;
                default:
                    return current.DeclaredAccessibility;
            }
        }

        return null;
    }

    /// <summary>
    /// True when the type or a containing type is file-local (<c>file class</c>). Roslyn reports such a type's
    /// DeclaredAccessibility as Internal, but generated code in another file cannot name it.
    /// </summary>
    public static bool IsFileLocal(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the generator can emit code for the type (the analyzers report why not otherwise).</summary>
    public static bool CanGenerate(INamedTypeSymbol type, string? name, string? methodName)
        => FirstNonPartial(type) is null
            && !IsGeneric(type)
            && BlockingAccessibility(type) is null
            && !IsFileLocal(type)
            && Inngest.Internal.EventNameRules.Check(name) == Inngest.Internal.EventNameRules.Violation.None
            && IsValidMethodName(MethodNameFor(type.Name, methodName));
}
