using Inngest.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Inngest.Generators.Rules;

/// <summary>Why a <c>[JsonConstructor]</c> cannot be used (INNG027), as System.Text.Json's generator decides it.</summary>
internal enum MarkedConstructorProblem
{
    /// <summary>No constructor is marked, or the marked one is used.</summary>
    None,

    /// <summary>The marked constructor is private, protected or internal to another assembly (SYSLIB1222).</summary>
    Inaccessible,

    /// <summary>More than one constructor is marked (SYSLIB1033).</summary>
    Multiple,
}

/// <summary>
/// The constructor the deserializer creates an object with, chosen once for the parser and the analyzer:
/// <see cref="Constructor"/> is null when the object cannot be created through one (deserialization then
/// throws NotSupportedException); <see cref="Problem"/> says when that is because of a <c>[JsonConstructor]</c>.
/// </summary>
internal readonly struct DeserializationConstructor
{
    private DeserializationConstructor(IMethodSymbol? constructor, MarkedConstructorProblem problem, IMethodSymbol? marked)
    {
        Constructor = constructor;
        Problem = problem;
        Marked = marked;
    }

    public IMethodSymbol? Constructor { get; }

    public MarkedConstructorProblem Problem { get; }

    /// <summary>The (first) constructor marked with <c>[JsonConstructor]</c>, for the diagnostic's location.</summary>
    public IMethodSymbol? Marked { get; }

    /// <summary>
    /// System.Text.Json's choice: a <c>[JsonConstructor]</c> of any accessibility wins, but is used only when
    /// generated code in <paramref name="within"/> can call it (public, or internal to this assembly); an
    /// inaccessible or doubled mark leaves no constructor, without falling back to another. Unmarked: a public
    /// parameterless constructor, else the only public one; a struct's default; KeyValuePair's (key, value);
    /// none for abstract types and interfaces.
    /// </summary>
    public static DeserializationConstructor Choose(INamedTypeSymbol type, IAssemblySymbol? within)
    {
        if (type.IsAbstract || type.TypeKind == TypeKind.Interface)
        {
            return default;
        }

        if (TypeNames.MetadataName(type.OriginalDefinition) == "System.Collections.Generic.KeyValuePair`2")
        {
            foreach (var constructor in type.InstanceConstructors)
            {
                if (constructor.Parameters.Length == 2)
                {
                    return new(constructor, MarkedConstructorProblem.None, null);
                }
            }
        }

        IMethodSymbol? marked = null;
        var markedCount = 0;
        IMethodSymbol? parameterless = null;
        IMethodSymbol? single = null;
        var publicCount = 0;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (JsonAttributes.Has(constructor, JsonAttributes.Constructor))
            {
                marked ??= constructor;
                markedCount++;
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

        if (markedCount > 1)
        {
            return new(null, MarkedConstructorProblem.Multiple, marked);
        }

        if (marked is not null)
        {
            return TypeShapeRules.IsReachable(marked, within)
                ? new(marked, MarkedConstructorProblem.None, marked)
                : new(null, MarkedConstructorProblem.Inaccessible, marked);
        }

        if (type.IsValueType)
        {
            return default;
        }

        return new(parameterless ?? (publicCount == 1 ? single : null), MarkedConstructorProblem.None, null);
    }
}
