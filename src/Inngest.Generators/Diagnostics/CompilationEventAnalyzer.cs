using System.Collections.Concurrent;
using Inngest.Generators.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Generators.Diagnostics;

/// <summary>
/// The shared frame of the analyzers that compare <c>[InngestEvent]</c> types across a compilation (collisions, version
/// chains): they collect every type's attribute as the symbols are analyzed and report at compilation end (RS1037).
/// </summary>
public abstract class CompilationEventAnalyzer : DiagnosticAnalyzer
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

            var events = new ConcurrentQueue<EventAttributeInfo>();
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var info = EventAttributeInfo.TryRead((INamedTypeSymbol)symbolContext.Symbol, attributeType, symbolContext.CancellationToken);
                    if (info is not null)
                    {
                        events.Enqueue(info);
                    }
                },
                SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end => Report(end, events.ToArray()));
        });
    }

    /// <summary>Reports on every <c>[InngestEvent]</c> type of the compilation, in no particular order.</summary>
    private protected abstract void Report(CompilationAnalysisContext context, EventAttributeInfo[] events);
}
