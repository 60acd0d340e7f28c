using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Generators.Analyzers;

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

            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var type = (INamedTypeSymbol)symbolContext.Symbol;
                    if (EventAttributeInfo.TryRead(type, attributeType, symbolContext.CancellationToken) is { } info)
                    {
                        Analyze(symbolContext, type, info);
                    }
                },
                SymbolKind.NamedType);
        });
    }

    /// <summary>Checks one type that carries the attribute.</summary>
    private protected abstract void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, EventAttributeInfo info);
}
