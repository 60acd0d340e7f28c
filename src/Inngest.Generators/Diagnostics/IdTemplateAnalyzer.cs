using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Inngest.Generators.Parsing;
using Inngest.Generators.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Generators.Diagnostics;

/// <summary>
/// Checks the <c>Id</c> template of each <c>[InngestEvent]</c> type: well formed (INNG024), every placeholder a
/// readable member (INNG020) with a single text form (INNG021), a fallback for members that may be null (INNG022),
/// and literal text that names the event (INNG023, since ids are global across event names). The generator fills
/// no id for a template that fails one of the errors.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IdTemplateAnalyzer : EventTypeAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.IdUnknownMember,
        DiagnosticDescriptors.IdNotScalar,
        DiagnosticDescriptors.IdNullableWithoutFallback,
        DiagnosticDescriptors.IdWithoutEventIdentity,
        DiagnosticDescriptors.IdMalformed);

    /// <inheritdoc />
    private protected override void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, EventAttributeInfo info, object? state)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } c && TypeNames.MetadataName(c) == EventTypeRules.AttributeMetadataName);
        if (attribute is null || IdTemplateParser.TemplateOf(attribute) is not { } template)
        {
            return;
        }

        var location = IdLocation(attribute, context) ?? info.NameLocation;
        if (IdTemplateRules.Parse(template, out var error) is not { } segments)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.IdMalformed, location, template, info.DisplayName, error));
            return;
        }

        foreach (var segment in segments.Where(s => s.Member is not null))
        {
            if (IdTemplateRules.FindMember(type, segment.Member!) is not { } member)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.IdUnknownMember, location, info.DisplayName, segment.Member, Suggestions(type)));
                continue;
            }

            var memberType = IdTemplateRules.TypeOf(member);
            if (IdTemplateRules.FormatOf(memberType) is null)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.IdNotScalar, location, info.DisplayName, member.Name, memberType.ToDisplayString()));
            }
            else if (NullabilityRules.MayBeNull(memberType) && segment.Fallback is null)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.IdNullableWithoutFallback, location, info.DisplayName, member.Name));
            }
        }

        if (info.Name is { Length: > 0 } name && !IdTemplateRules.NamesTheEvent(segments, name))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.IdWithoutEventIdentity, location, template, info.DisplayName, name));
        }
    }

    private static Location? IdLocation(AttributeData attribute, SymbolAnalysisContext context)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is AttributeSyntax { ArgumentList: { } arguments })
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == "Id")
                {
                    return argument.Expression.GetLocation();
                }
            }
        }

        return null;
    }

    private static string Suggestions(INamedTypeSymbol type)
    {
        var names = new List<string>();
        foreach (var member in type.GetMembers())
        {
            if (!member.IsImplicitlyDeclared && member is IPropertySymbol { IsStatic: false, Parameters.Length: 0 } && member.Name != "EqualityContract"
                && IdTemplateRules.FindMember(type, member.Name) is not null)
            {
                names.Add("'" + member.Name + "'");
            }
        }

        return names.Count == 0 ? string.Empty : " (" + string.Join(", ", names.Take(8)) + ")";
    }
}
