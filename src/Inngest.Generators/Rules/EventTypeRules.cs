using System.Collections.Generic;
using System.Threading;
using Inngest.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Generators.Rules;

/// <summary>
/// Rules about an <c>[InngestEvent]</c> type itself, as pure functions shared by the generator (which
/// skips a type that breaks one) and the analyzers (which report it).
/// </summary>
internal static class EventTypeRules
{
    public const string AttributeMetadataName = "Inngest.InngestEventAttribute";

    /// <summary>
    /// Reads the attribute's name argument and its <c>Version</c> and <c>MethodName</c> properties, the
    /// compiled values (so constants work), or null when the attribute is malformed (a compiler error).
    /// </summary>
    public static (string? Name, string? Version, string? MethodName)? ReadArguments(AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length != 1)
        {
            return null;
        }

        string? version = null;
        string? methodName = null;
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Version")
            {
                version = argument.Value.Value as string;
            }
            else if (argument.Key == "MethodName")
            {
                methodName = argument.Value.Value as string;
            }
        }

        return (attribute.ConstructorArguments[0].Value as string, version, methodName);
    }

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

    /// <summary>The type and its containing types that have no <c>partial</c> declaration, innermost first.</summary>
    public static List<INamedTypeSymbol> NonPartialChain(INamedTypeSymbol type, CancellationToken cancellationToken = default)
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

    /// <summary>
    /// The innermost of the type and its containing types that generated code cannot reach, with why
    /// ("private", "protected", "private protected", "file-local"), or null when it is reachable. A
    /// file-local type counts although Roslyn reports its DeclaredAccessibility as Internal: generated code
    /// in another file cannot name it.
    /// </summary>
    public static (INamedTypeSymbol Type, string Reason)? FirstUnreachable(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            var reason = current.IsFileLocal
                ? "file-local"
                : current.DeclaredAccessibility switch
                {
                    Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal => null,
                    Accessibility.Private => "private",
                    Accessibility.Protected => "protected",
                    Accessibility.ProtectedAndInternal => "private protected",
                    var other => other.ToString().ToLowerInvariant(),
                };
            if (reason is not null)
            {
                return (current, reason);
            }
        }

        return null;
    }

    /// <summary>True when the generator can emit code for the type (the analyzers report why not otherwise).</summary>
    /// <remarks>A receive-only event may use the reserved <c>inngest/</c> prefix: nothing is generated that sends it.</remarks>
    public static bool CanGenerate(INamedTypeSymbol type, string? name, string? methodName, bool receiveOnly = false)
        => NonPartialChain(type).Count == 0
            && !IsGeneric(type)
            && FirstUnreachable(type) is null
            && Inngest.Internal.EventNameRules.Check(name) is var violation
            && (violation == Inngest.Internal.EventNameRules.Violation.None || (receiveOnly && violation == Inngest.Internal.EventNameRules.Violation.Reserved))
            && IsValidMethodName(MethodNameFor(type.Name, methodName))
            && NotAnObject(type) is null;

    /// <summary>
    /// Why the event type's JSON is not an object (the Event API's <c>data</c> must be one), or null when it
    /// is: objects, dictionaries and types with their own converter (which may write an object) pass;
    /// collections do not.
    /// </summary>
    public static string? NotAnObject(INamedTypeSymbol type)
    {
        if (IsGeneric(type))
        {
            return null; // INNG009
        }

        var classification = TypeShapeRules.Classify(type);
        return classification.Kind switch
        {
            TypeShapeKind.Object or TypeShapeKind.Dictionary or TypeShapeKind.CustomConverter => null,
            TypeShapeKind.Collection => "it is a collection, which System.Text.Json writes as a JSON array",
            null => classification.Reason,
            _ => "System.Text.Json writes it as a JSON value, not an object",
        };
    }
}
