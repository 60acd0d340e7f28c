using System.Collections.Concurrent;
using System.Collections.Immutable;
using Inngest.Generators.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Generators.Diagnostics;

/// <summary>
/// Checks every <c>[InngestEncrypted]</c> mark: it must sit on a top-level member of an <c>[InngestEvent]</c> type's
/// data (INNG025, at compilation end, since a base type of an event is fine), written as JSON under the configured
/// encryption field (INNG026: <c>encrypted</c>, or the MSBuild property <c>InngestEncryptionField</c>), once per event
/// and on a member that is written at all (INNG029). The official middleware encrypts exactly one top-level field, so
/// any other mark would leave the value it was meant to protect in plaintext.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EncryptedMemberAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The INNG026 property holding the configured field, for the code fix that renames the member to it.</summary>
    public const string ConfiguredFieldProperty = "ConfiguredField";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.EncryptedMemberNotTopLevel,
        DiagnosticDescriptors.EncryptedMemberNotConfiguredField,
        DiagnosticDescriptors.EncryptedMemberMisused);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var encryptedAttribute = start.Compilation.GetTypeByMetadataName(EncryptedMemberRules.AttributeMetadataName);
            var eventAttribute = start.Compilation.GetTypeByMetadataName(EventTypeRules.AttributeMetadataName);
            if (encryptedAttribute is null || eventAttribute is null)
            {
                return;
            }

            start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(EncryptedMemberRules.FieldBuildProperty, out var fieldProperty);
            var configuredField = EncryptedMemberRules.ConfiguredField(fieldProperty);
            var eventTypesAndBases = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
            var marks = new ConcurrentQueue<(INamedTypeSymbol Type, string Member, Location Location)>();
            start.RegisterSyntaxNodeAction(nodeContext => CollectMark(nodeContext, encryptedAttribute, marks), SyntaxKind.Attribute);
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var type = (INamedTypeSymbol)symbolContext.Symbol;
                    var isEvent = EventAttributeInfo.TryRead(type, eventAttribute, symbolContext.CancellationToken) is not null;
                    if (isEvent)
                    {
                        for (var current = type; current is not null; current = current.BaseType)
                        {
                            eventTypesAndBases.TryAdd(current, true);
                        }

                        if (EncryptedMemberRules.DeclaresAnyMark(type, encryptedAttribute))
                        {
                            AnalyzeEvent(symbolContext, type, encryptedAttribute, configuredField);
                        }
                    }
                },
                SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end =>
            {
                foreach (var (type, member, location) in marks)
                {
                    if (!eventTypesAndBases.ContainsKey(type))
                    {
                        end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.EncryptedMemberNotTopLevel, location, type.ToDisplayString(), member));
                    }
                }
            });
        });
    }

    // One event type: its written marked members (inherited ones included) must be one, under the configured name.
    private static void AnalyzeEvent(SymbolAnalysisContext context, INamedTypeSymbol type, INamedTypeSymbol encryptedAttribute, string configuredField)
    {
        string? first = null;
        foreach (var member in EncryptedMemberRules.MarkedMembers(type, context.Compilation.Assembly, encryptedAttribute))
        {
            var location = MarkLocation(member.Symbol, encryptedAttribute, context) ?? type.Locations[0];
            if (!EncryptedMemberRules.IsWritten(member))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.EncryptedMemberMisused, location, type.ToDisplayString(), member.Symbol.Name,
                    "it is not written into data (ignored, write-only, or a field without [JsonInclude]), so there is nothing to encrypt: remove the mark, or mark the member that is sent"));
                continue;
            }

            if (first is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.EncryptedMemberMisused, location, type.ToDisplayString(), member.Symbol.Name,
                    $"'{first}' is marked too, and the encryption middleware encrypts one field of data, so this value would be sent in plaintext: put both values in one record and mark the member that holds it"));
                continue;
            }

            first = member.Symbol.Name;
            var wireName = EncryptedMemberRules.WireName(member.Symbol);
            if (wireName != configuredField)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.EncryptedMemberNotConfiguredField, location,
                    ImmutableDictionary<string, string?>.Empty.Add(ConfiguredFieldProperty, configuredField), type.ToDisplayString(), member.Symbol.Name, wireName, configuredField));
            }
        }
    }

    // Each [InngestEncrypted] as written, found from the syntax (only attributes named so are bound), so that the
    // compilation's other types and members are never scanned. A mark on a parameter that declares no member (a
    // method's, a class's primary constructor's) is reported at once; the others are checked against the event types
    // at compilation end.
    private static void CollectMark(SyntaxNodeAnalysisContext context, INamedTypeSymbol encryptedAttribute, ConcurrentQueue<(INamedTypeSymbol Type, string Member, Location Location)> marks)
    {
        var attribute = (AttributeSyntax)context.Node;
        if (!MayName(attribute.Name) || attribute.Parent is not AttributeListSyntax list
            || !SymbolEqualityComparer.Default.Equals(context.SemanticModel.GetTypeInfo(attribute, context.CancellationToken).Type, encryptedAttribute))
        {
            return;
        }

        ISymbol? owner = list.Parent switch
        {
            ParameterSyntax parameter => context.SemanticModel.GetDeclaredSymbol(parameter, context.CancellationToken),
            PropertyDeclarationSyntax property => context.SemanticModel.GetDeclaredSymbol(property, context.CancellationToken),
            FieldDeclarationSyntax { Declaration.Variables: { Count: > 0 } variables } => context.SemanticModel.GetDeclaredSymbol(variables[0], context.CancellationToken),
            _ => null,
        };
        var location = attribute.GetLocation();
        if (owner is IParameterSymbol parameterSymbol)
        {
            var targetsMember = list.Target is { } target && (target.Identifier.IsKind(SyntaxKind.PropertyKeyword) || target.Identifier.IsKind(SyntaxKind.FieldKeyword));
            if (!targetsMember && !EncryptedMemberRules.IsPositionalRecordParameter(parameterSymbol))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.EncryptedMemberMisused, location, parameterSymbol.ContainingType?.ToDisplayString() ?? parameterSymbol.ContainingSymbol.ToDisplayString(), parameterSymbol.Name,
                    "it is a parameter that declares no member of data (only a positional record's parameters do): mark the property or field that is sent"));
                return;
            }
        }

        if (owner?.ContainingType is { } type)
        {
            marks.Enqueue((type, owner.Name, location));
        }
    }

    // The attribute's name as written: InngestEncrypted or InngestEncryptedAttribute, however qualified.
    private static bool MayName(NameSyntax name)
    {
        var simple = name switch
        {
            QualifiedNameSyntax qualified => qualified.Right,
            AliasQualifiedNameSyntax alias => alias.Name,
            SimpleNameSyntax plain => plain,
            _ => null,
        };
        return simple?.Identifier.ValueText is "InngestEncrypted" or "InngestEncryptedAttribute";
    }

    // Where the attribute is written (on the member or on the positional parameter), for the squiggle and code fixes.
    private static Location? MarkLocation(ISymbol member, INamedTypeSymbol encryptedAttribute, SymbolAnalysisContext context)
    {
        foreach (var candidate in new[] { member, EncryptedMemberRules.PositionalParameterOf(member) })
        {
            if (candidate is not null && EncryptedMemberRules.FindAttribute(candidate, encryptedAttribute) is { ApplicationSyntaxReference: { } reference })
            {
                return reference.GetSyntax(context.CancellationToken).GetLocation();
            }
        }

        return null;
    }
}
