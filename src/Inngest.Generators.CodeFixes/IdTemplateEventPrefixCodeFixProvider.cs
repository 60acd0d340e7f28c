using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Inngest.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Generators.CodeFixes;

/// <summary>
/// Fixes INNG023 by prefixing the Id template literal with the event name and a colon, so ids of different events
/// never collide. Offered only when the template is written as a string literal (not a constant).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IdTemplateEventPrefixCodeFixProvider))]
[Shared]
public sealed class IdTemplateEventPrefixCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "INNG023.PrefixWithEventName";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.IdWithoutEventIdentity.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression)
                || literal.FirstAncestorOrSelf<AttributeSyntax>() is not { ArgumentList.Arguments: { Count: > 0 } arguments }
                || model.GetConstantValue(arguments[0].Expression, context.CancellationToken) is not { HasValue: true, Value: string eventName })
            {
                continue;
            }

            var prefixed = eventName + ":" + literal.Token.ValueText;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Prefix the id with \"" + eventName + ":\"",
                    _ =>
                    {
                        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(prefixed)).WithTriviaFrom(literal);
                        return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement)));
                    },
                    EquivalenceKey),
                diagnostic);
        }
    }
}
