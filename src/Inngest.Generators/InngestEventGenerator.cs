using System.Collections.Immutable;
using System.Text;
using Inngest.Generators.Emitting;
using Inngest.Generators.Model;
using Inngest.Generators.Parsing;
using Inngest.Generators.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Inngest.Generators;

/// <summary>
/// Generates, for every <c>[InngestEvent]</c> type, the event constants, the
/// <c>IInngestEventData&lt;T&gt;</c> implementation and the typed send extensions, plus one JSON
/// context per assembly that describes every payload type. Reports no diagnostics: types the
/// analyzers flag are skipped.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class InngestEventGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var events = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                EventTypeRules.AttributeMetadataName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (ctx, ct) =>
                {
                    ct.ThrowIfCancellationRequested();
                    return ctx.TargetSymbol is INamedTypeSymbol type && ctx.Attributes.Length == 1
                        ? EventParser.Parse(type, ctx.Attributes[0], ctx.SemanticModel.Compilation, ct)
                        : null;
                })
            .WithTrackingName(TrackingNames.Events)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.GeneratableEvents)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.NonNullEvents);

        var assemblyName = context.CompilationProvider
            .Select(static (compilation, _) => compilation.AssemblyName ?? string.Empty)
            .WithTrackingName(TrackingNames.AssemblyName);

        var eventsWithAssembly = events
            .Combine(assemblyName)
            .WithTrackingName(TrackingNames.EventsWithAssembly);

        context.RegisterSourceOutput(eventsWithAssembly, static (spc, pair) =>
            spc.AddSource(pair.Left.HintName, SourceText.From(EventFileEmitter.Emit(pair.Left, pair.Right), Encoding.UTF8)));

        var all = events
            .Collect()
            .WithTrackingName(TrackingNames.CollectedEvents)
            .Select(static (models, _) => models.ToEquatableArray())
            .WithTrackingName(TrackingNames.AllEvents)
            .Combine(assemblyName)
            .WithTrackingName(TrackingNames.ContextInput);

        context.RegisterSourceOutput(all, static (spc, pair) =>
        {
            if (pair.Left.Count == 0)
            {
                return;
            }

            spc.AddSource("InngestJsonContext.g.cs", SourceText.From(ContextEmitter.Emit(pair.Left, pair.Right), Encoding.UTF8));
        });

        RegisterReceiving(context, all);
    }

    /// <summary>The registration for typed receiving: this assembly's events plus the referenced assemblies' ones.</summary>
    private static void RegisterReceiving(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<(EquatableArray<EventModel> Left, string Right)> all)
    {
        var referenced = context.CompilationProvider
            .Select(static (compilation, ct) => ReferencedEventFinder.Find(compilation, ct))
            .WithTrackingName(TrackingNames.ReferencedEvents);

        var input = all
            .Combine(referenced)
            .WithTrackingName(TrackingNames.RegistryInput);

        context.RegisterSourceOutput(input, static (spc, pair) =>
        {
            if (RegistryEmitter.Emit(pair.Left.Left, pair.Right, pair.Left.Right) is { } source)
            {
                spc.AddSource("InngestEventRegistration.g.cs", SourceText.From(source, Encoding.UTF8));
            }
        });
    }
}
