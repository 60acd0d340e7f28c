using System.Collections.Generic;
using System.Text;
using System.Threading;
using Inngest.Generators.Model;
using Inngest.Generators.Rules;
using Microsoft.CodeAnalysis;

namespace Inngest.Generators.Parsing;

/// <summary>Turns an [InngestEvent] type symbol into an <see cref="EventModel"/>. Runs inside the pipeline's transform.</summary>
internal static class EventParser
{
    public static EventModel? Parse(INamedTypeSymbol type, AttributeData attribute, Compilation compilation, CancellationToken cancellationToken = default)
    {
        if (EventTypeRules.ReadArguments(attribute) is not ({ } name, var version, var methodName))
        {
            return null;
        }

        var receiveOnly = ReceivingRules.ReadReceiveOnly(attribute);
        if (!EventTypeRules.CanGenerate(type, name, methodName, receiveOnly))
        {
            // The analyzers report why (INNG001-INNG013).
            return null;
        }

        var containers = new List<ContainingTypeModel>();
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            containers.Insert(0, new ContainingTypeModel { Keyword = Keyword(container), Name = container.Name });
        }

        var isPublic = true;
        for (var current = type; current is not null; current = current.ContainingType)
        {
            isPublic &= current.DeclaredAccessibility == Accessibility.Public;
        }

        var (idParts, idTemplate) = IdTemplateParser.Parse(type, IdTemplateParser.TemplateOf(attribute));
        return new EventModel
        {
            IdParts = idParts,
            IdTemplate = idTemplate,
            Namespace = type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : string.Empty,
            ContainingTypes = containers.ToEquatableArray(),
            TypeName = type.Name,
            Keyword = Keyword(type),
            TypeFqn = TypeNames.Fqn(type),
            EventName = name,
            Version = version,
            MethodName = EventTypeRules.MethodNameFor(type.Name, methodName),
            Accessibility = isPublic ? GeneratedAccessibility.Public : GeneratedAccessibility.Internal,
            HintName = HintName(type),
            Shapes = PayloadGraph.Describe(type, compilation, cancellationToken),
            ReceiveOnly = receiveOnly,
            PreviousVersionFqn = ReceivingRules.PreviousVersion(type) is { } previous ? TypeNames.Fqn(previous) : null,
            EncryptedField = EncryptedMemberRules.EncryptedFieldOf(type, compilation),
        };
    }

    private static string Keyword(INamedTypeSymbol type)
        => type.TypeKind switch
        {
            TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
            TypeKind.Interface => "interface",
            _ => type.IsRecord ? "record" : "class",
        };

    private static string HintName(INamedTypeSymbol type)
    {
        var builder = new StringBuilder();
        foreach (var c in TypeNames.MetadataName(type))
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '.' ? c : '_');
        }

        return builder.Append(".InngestEvent.g.cs").ToString();
    }
}
