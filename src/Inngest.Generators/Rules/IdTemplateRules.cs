using System.Collections.Generic;
using System.Text;
using Inngest.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Inngest.Generators.Rules;

/// <summary>
/// The idempotency id template of <c>[InngestEvent(..., Id = "cart-{CartId}-{Attempt}")]</c>: <c>{Member}</c> or
/// <c>{Member??fallback}</c> placeholders between literal text, <c>{{</c> and <c>}}</c> for literal braces. Pure
/// rules shared by the parser (which builds the <see cref="IdPart"/>s) and the analyzer (INNG020-INNG024).
/// </summary>
internal static class IdTemplateRules
{
    /// <summary>One parsed piece: literal text, or a placeholder with its optional fallback.</summary>
    public readonly struct Segment
    {
        public Segment(string? literal, string? member, string? fallback)
        {
            Literal = literal;
            Member = member;
            Fallback = fallback;
        }

        public string? Literal { get; }

        public string? Member { get; }

        public string? Fallback { get; }
    }

    /// <summary>The template's segments, or null with <paramref name="error"/> saying what is malformed.</summary>
    public static List<Segment>? Parse(string template, out string? error)
    {
        var segments = new List<Segment>();
        var literal = new StringBuilder();
        error = null;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                literal.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                literal.Append('}');
                i++;
            }
            else if (c == '}')
            {
                error = $"the '}}' at position {i} closes no placeholder (write '}}}}' for a literal brace)";
                return null;
            }
            else if (c == '{')
            {
                var end = template.IndexOf('}', i + 1);
                if (end < 0)
                {
                    error = $"the '{{' at position {i} is never closed (write '{{{{' for a literal brace)";
                    return null;
                }

                var inner = template.Substring(i + 1, end - i - 1);
                var fallbackAt = inner.IndexOf("??", System.StringComparison.Ordinal);
                var member = (fallbackAt < 0 ? inner : inner.Substring(0, fallbackAt)).Trim();
                if (member.Length == 0 || inner.IndexOf('{') >= 0)
                {
                    error = $"the placeholder '{{{inner}}}' names no member";
                    return null;
                }

                if (literal.Length > 0)
                {
                    segments.Add(new Segment(literal.ToString(), null, null));
                    literal.Clear();
                }

                segments.Add(new Segment(null, member, fallbackAt < 0 ? null : inner.Substring(fallbackAt + 2)));
                i = end;
            }
            else
            {
                literal.Append(c);
            }
        }

        if (literal.Length > 0)
        {
            segments.Add(new Segment(literal.ToString(), null, null));
        }

        return segments;
    }

    /// <summary>The readable instance property or field called <paramref name="name"/> on the type or its bases.</summary>
    public static ISymbol? FindMember(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                if (member.IsStatic || member.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
                {
                    continue;
                }

                if (member is IPropertySymbol { GetMethod: { } getter, Parameters.Length: 0 } && getter.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal or Accessibility.NotApplicable)
                {
                    return member;
                }

                if (member is IFieldSymbol)
                {
                    return member;
                }
            }
        }

        return null;
    }

    public static ITypeSymbol TypeOf(ISymbol member) => member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type;

    /// <summary>How a member of <paramref name="type"/> becomes text, or null when it is not a scalar.</summary>
    public static IdFormat? FormatOf(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return IdFormat.EnumName;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String: return IdFormat.Text;
            case SpecialType.System_Char: return IdFormat.Char;
            case SpecialType.System_Boolean: return IdFormat.Boolean;
            case SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32
                or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Single or SpecialType.System_Double
                or SpecialType.System_Decimal:
                return IdFormat.Invariant;
            case SpecialType.System_DateTime: return IdFormat.RoundTrip;
        }

        var name = type.ContainingNamespace?.ToDisplayString() + "." + type.MetadataName;
        return name switch
        {
            "System.Guid" or "System.Int128" or "System.UInt128" or "System.Half" => IdFormat.Invariant,
            "System.DateTimeOffset" => IdFormat.RoundTrip,
            "System.DateOnly" => IdFormat.Date,
            "System.TimeOnly" => IdFormat.Time,
            "System.TimeSpan" => IdFormat.Duration,
            _ => null,
        };
    }

    /// <summary>
    /// True when the literal text says which event the id belongs to: it contains the event name, or one of its words
    /// of three letters or more (split at '/', '.', '-', '_', ':'). Inngest deduplicates ids across all event names.
    /// </summary>
    public static bool NamesTheEvent(IEnumerable<Segment> segments, string eventName)
    {
        var literal = new StringBuilder();
        foreach (var segment in segments)
        {
            literal.Append(segment.Literal).Append('\u0000');
        }

        var text = literal.ToString().ToLowerInvariant();
        foreach (var word in eventName.ToLowerInvariant().Split('/', '.', '-', '_', ':'))
        {
            if (word.Length >= 3 && text.Contains(word))
            {
                return true;
            }
        }

        return false;
    }
}
