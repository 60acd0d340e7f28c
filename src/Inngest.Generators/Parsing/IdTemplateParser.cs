using System.Collections.Generic;
using System.Text;
using Inngest.Generators.Model;
using Inngest.Generators.Rules;
using Microsoft.CodeAnalysis;

namespace Inngest.Generators.Parsing;

/// <summary>Turns the attribute's <c>Id</c> template into <see cref="IdPart"/>s, or nothing when the analyzer rejects it (INNG020-INNG022, INNG024).</summary>
internal static class IdTemplateParser
{
    /// <summary>The attribute's <c>Id</c> value, or null.</summary>
    public static string? TemplateOf(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Id")
            {
                return argument.Value.Value as string;
            }
        }

        return null;
    }

    /// <summary>The parts and the template spelled with the data's JSON names (for the catalog and TypeScript), or empty.</summary>
    public static (EquatableArray<IdPart> Parts, string? WireTemplate) Parse(INamedTypeSymbol type, string? template)
    {
        if (template is null || IdTemplateRules.Parse(template, out _) is not { } segments)
        {
            return (EquatableArray<IdPart>.Empty, null);
        }

        var parts = new List<IdPart>();
        var wire = new StringBuilder();
        foreach (var segment in segments)
        {
            if (segment.Literal is { } literal)
            {
                parts.Add(new IdPart { Literal = literal });
                wire.Append(literal.Replace("{", "{{").Replace("}", "}}"));
                continue;
            }

            if (IdTemplateRules.FindMember(type, segment.Member!) is not { } member
                || IdTemplateRules.TypeOf(member) is not { } memberType
                || IdTemplateRules.FormatOf(memberType) is not { } format
                || (NullabilityRules.MayBeNull(memberType) && segment.Fallback is null))
            {
                return (EquatableArray<IdPart>.Empty, null);
            }

            parts.Add(new IdPart
            {
                Member = member.Name,
                Format = format,
                IsNullableValue = memberType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T },
                Fallback = NullabilityRules.MayBeNull(memberType) ? segment.Fallback : null,
            });
            wire.Append('{').Append(JsonAttributes.PropertyNameOf(member) ?? TypeNames.CamelCase(member.Name));
            if (segment.Fallback is not null && NullabilityRules.MayBeNull(memberType))
            {
                wire.Append("??").Append(segment.Fallback);
            }

            wire.Append('}');
        }

        return (parts.ToEquatableArray(), wire.ToString());
    }
}
