using System.Collections.Generic;
using System.Threading;
using Inngest.Generators.Model;
using Inngest.Generators.Rules;
using Microsoft.CodeAnalysis;

namespace Inngest.Generators.Parsing;

/// <summary>
/// Finds the event types of referenced assemblies that this assembly's registry should register too: types with
/// <c>[InngestEvent]</c> that implement <c>IInngestEventData&lt;T&gt;</c> for themselves (their own generator ran) and
/// that this assembly can name. A referenced assembly's own module initializer runs only once that assembly is used,
/// so the application's registration covers everything it references. Only assemblies that reference
/// Inngest.Runtime are walked, so the framework's assemblies cost nothing.
/// </summary>
internal static class ReferencedEventFinder
{
    public static EquatableArray<string> Find(Compilation compilation, CancellationToken cancellationToken)
    {
        var attribute = compilation.GetTypeByMetadataName(EventTypeRules.AttributeMetadataName);
        var eventData = compilation.GetTypeByMetadataName(ReceivingRules.EventDataInterfaceMetadataName);
        if (attribute is null || eventData is null)
        {
            return EquatableArray<string>.Empty;
        }

        var found = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ReferencesRuntime(assembly, attribute.ContainingAssembly))
            {
                Walk(assembly.GlobalNamespace, compilation, attribute, eventData, found, cancellationToken);
            }
        }

        return found.ToEquatableArray();
    }

    private static bool ReferencesRuntime(IAssemblySymbol assembly, IAssemblySymbol runtime)
    {
        if (SymbolEqualityComparer.Default.Equals(assembly, runtime))
        {
            return false;
        }

        foreach (var module in assembly.Modules)
        {
            foreach (var referenced in module.ReferencedAssemblies)
            {
                if (referenced.Name == runtime.Identity.Name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void Walk(INamespaceSymbol ns, Compilation compilation, INamedTypeSymbol attribute, INamedTypeSymbol eventData, SortedSet<string> found, CancellationToken cancellationToken)
    {
        foreach (var member in ns.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is INamespaceSymbol inner)
            {
                Walk(inner, compilation, attribute, eventData, found, cancellationToken);
            }
            else if (member is INamedTypeSymbol type)
            {
                AddTypes(type, compilation, attribute, eventData, found);
            }
        }
    }

    private static void AddTypes(INamedTypeSymbol type, Compilation compilation, INamedTypeSymbol attribute, INamedTypeSymbol eventData, SortedSet<string> found)
    {
        if (!compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
        {
            return;
        }

        if (IsGeneratedEvent(type, attribute, eventData))
        {
            found.Add(TypeNames.Fqn(type));
        }

        foreach (var nested in type.GetTypeMembers())
        {
            AddTypes(nested, compilation, attribute, eventData, found);
        }
    }

    private static bool IsGeneratedEvent(INamedTypeSymbol type, INamedTypeSymbol attribute, INamedTypeSymbol eventData)
    {
        if (type.IsGenericType)
        {
            return false;
        }

        var marked = false;
        foreach (var candidate in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.AttributeClass, attribute))
            {
                marked = true;
                break;
            }
        }

        if (!marked)
        {
            return false;
        }

        foreach (var implemented in type.Interfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, eventData)
                && SymbolEqualityComparer.Default.Equals(implemented.TypeArguments[0], type))
            {
                return true;
            }
        }

        return false;
    }
}
