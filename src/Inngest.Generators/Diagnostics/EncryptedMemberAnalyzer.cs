using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Inngest.Generators.Parsing;
using Inngest.Generators.Rules;
using Microsoft.CodeAnalysis;
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
            var marksOutsideEvents = new ConcurrentQueue<(INamedTypeSymbol Type, ISymbol Member, Location Location)>();
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

                        AnalyzeEvent(symbolContext, type, configuredField);
                    }

                    foreach (var (member, location) in DeclaredMarks(symbolContext, type, encryptedAttribute))
                    {
                        marksOutsideEvents.Enqueue((type, member, location));
                    }
                },
                SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end =>
            {
                foreach (var (type, member, location) in marksOutsideEvents)
                {
                    if (!eventTypesAndBases.ContainsKey(type))
                    {
                        end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.EncryptedMemberNotTopLevel, location, type.ToDisplayString(), member.Name));
                    }
                }
            });
        });
    }

    // One event type: its written marked members (inherited ones included) must be one, under the configured name.
    private static void AnalyzeEvent(SymbolAnalysisContext context, INamedTypeSymbol type, string configuredField)
    {
        string? first = null;
        foreach (var member in EncryptedMemberRules.MarkedMembers(type, context.Compilation.Assembly))
        {
            var location = MarkLocation(member.Symbol, context) ?? type.Locations[0];
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

    // The marks declared in this type's own members. A marked parameter that declares no member (a method's, a class's
    // primary constructor's) is reported here; the rest are checked against the event types at compilation end.
    // Runs on every type of the compilation, so the attribute is compared as a symbol (no metadata-name strings).
    private static IEnumerable<(ISymbol Member, Location Location)> DeclaredMarks(SymbolAnalysisContext context, INamedTypeSymbol type, INamedTypeSymbol encryptedAttribute)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol method)
            {
                foreach (var parameter in method.Parameters)
                {
                    if (!IsMarked(parameter, encryptedAttribute) || MarkLocation(parameter, context) is not { } location)
                    {
                        continue;
                    }

                    if (EncryptedMemberRules.IsPositionalRecordParameter(parameter))
                    {
                        yield return (parameter, location);
                    }
                    else
                    {
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.EncryptedMemberMisused, location, type.ToDisplayString(), parameter.Name,
                            "it is a parameter that declares no member of data (only a positional record's parameters do): mark the property or field that is sent"));
                    }
                }
            }
            else if (member is IPropertySymbol or IFieldSymbol && IsMarked(member, encryptedAttribute) && MarkLocation(member, context) is { } location)
            {
                yield return (member, location);
            }
        }
    }

    private static bool IsMarked(ISymbol symbol, INamedTypeSymbol encryptedAttribute)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, encryptedAttribute))
            {
                return true;
            }
        }

        return false;
    }

    // Where the attribute is written (on the member or on the positional parameter), for the squiggle and code fixes.
    private static Location? MarkLocation(ISymbol member, SymbolAnalysisContext context)
    {
        foreach (var candidate in new[] { member, EncryptedMemberRules.PositionalParameterOf(member) })
        {
            if (candidate is not null && JsonAttributes.Find(candidate, EncryptedMemberRules.AttributeMetadataName) is { ApplicationSyntaxReference: { } reference })
            {
                return reference.GetSyntax(context.CancellationToken).GetLocation();
            }
        }

        return null;
    }
}
