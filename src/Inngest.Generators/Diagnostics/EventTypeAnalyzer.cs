using Inngest.Generators.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Generators.Diagnostics;

/// <summary>
/// The shared frame of the analyzers that look at one <c>[InngestEvent]</c> type at a time: they run
/// only in compilations that reference the attribute, and get the attribute's arguments already read.
/// </summary>
public abstract class EventTypeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var attributeType = start.Compilation.GetTypeByMetadataName(EventTypeRules.AttributeMetadataName);
            if (attributeType is null)
            {
                return;
            }

            var state = CreateCompilationState();
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var type = (INamedTypeSymbol)symbolContext.Symbol;
                    if (EventAttributeInfo.TryRead(type, attributeType, symbolContext.CancellationToken) is { } info)
                    {
                        Analyze(symbolContext, type, info, state);
                    }
                },
                SymbolKind.NamedType);
        });
    }

    /// <summary>State shared by all types of one compilation (for example what was already reported), or null.</summary>
    private protected virtual object? CreateCompilationState() => null;

    /// <summary>Checks one type that carries the attribute; <paramref name="state"/> is <see cref="CreateCompilationState"/>'s.</summary>
    private protected abstract void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, EventAttributeInfo info, object? state);
}
