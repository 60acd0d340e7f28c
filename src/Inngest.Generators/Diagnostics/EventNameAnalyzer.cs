using System.Collections.Immutable;
using Inngest.Internal;
using Inngest.Generators.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Generators.Diagnostics;

/// <summary>
/// Checks the name and version of each <c>[InngestEvent]</c> type: the server's rules (INNG001 empty,
/// INNG002 reserved prefix, INNG003 too long, shared with the runtime through <see cref="EventNameRules"/>),
/// then the naming convention (INNG004, only when the server rules pass) and the version format (INNG005).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EventNameAnalyzer : EventTypeAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.EmptyName,
        DiagnosticDescriptors.ReservedName,
        DiagnosticDescriptors.NameTooLong,
        DiagnosticDescriptors.NameConvention,
        DiagnosticDescriptors.VersionFormat);

    /// <inheritdoc />
    private protected override void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, EventAttributeInfo info, object? state)
    {
        var name = info.Name;
        switch (EventNameRules.Check(name))
        {
            case EventNameRules.Violation.Empty:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.EmptyName, info.NameLocation, info.DisplayName));
                break;
            case EventNameRules.Violation.Reserved when info.ReceiveOnly:
                // Inngest's own events (inngest/function.failed, ...) may be declared for receiving; nothing sends them.
                break;
            case EventNameRules.Violation.Reserved:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ReservedName, info.NameLocation, name));
                break;
            case EventNameRules.Violation.TooLong:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NameTooLong, info.NameLocation, info.DisplayName, name!.Length));
                break;
            default:
                var problems = NamingConvention.Check(name);
                if (problems != NamingProblems.None)
                {
                    // The code fix recomputes the suggestion from the literal it rewrites.
                    var suggestion = NamingConvention.Suggest(name);
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.NameConvention,
                        info.NameLocation,
                        name,
                        NamingConvention.Describe(problems, name!),
                        suggestion ?? NamingConvention.ExampleName));
                }

                break;
        }

        if (info.HasVersion && !NamingConvention.IsConventionalVersion(info.Version))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.VersionFormat, info.VersionLocation, info.Version, name));
        }
    }
}
