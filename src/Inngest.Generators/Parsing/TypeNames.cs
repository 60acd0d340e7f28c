using System.Text;
using Microsoft.CodeAnalysis;

namespace Inngest.Generators.Parsing;

/// <summary>How generated code names types, and System.Text.Json's camelCase policy at compile time.</summary>
internal static class TypeNames
{
    /// <summary>global::-qualified, keywords escaped, special types by keyword, tuples as ValueTuple (tuple syntax is not valid after <c>new</c>).</summary>
    private static readonly SymbolDisplayFormat FqnFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.UseSpecialTypes
            | SymbolDisplayMiscellaneousOptions.ExpandValueTuple);

    /// <summary>The type as generated code spells it, without nullable reference annotations.</summary>
    public static string Fqn(ITypeSymbol type) => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(FqnFormat);

    /// <summary>Namespace-qualified metadata name, e.g. System.Collections.Generic.List`1.</summary>
    public static string MetadataName(INamedTypeSymbol type)
    {
        var prefix = type.ContainingType is { } container
            ? MetadataName(container) + "+"
            : type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." : string.Empty;
        return prefix + type.MetadataName;
    }

    /// <summary>A short identifier-safe name for context members, e.g. ListOrderLine.</summary>
    public static string DisplayName(ITypeSymbol type)
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

    /// <summary>System.Text.Json's camelCase naming policy (JsonNamingPolicy.CamelCase).</summary>
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
