using System.Collections.Immutable;
using Inngest.Generators.Diagnostics;
using Inngest.Generators.Rules;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Generators.CodeFixes;

/// <summary>
/// Fixes INNG004 by rewriting the event name literal to <see cref="NamingConvention.Suggest(string)"/>.
/// Offered only when the name is written as a string literal (not a constant) and a conventional name exists.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EventNameConventionCodeFixProvider))]
[Shared]
public sealed class EventNameConventionCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "INNG004.UseConventionalName";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.NameConvention.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            var suggestion = NamingConvention.Suggest(literal.Token.ValueText);
            if (suggestion is null || suggestion == literal.Token.ValueText)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Rename the event to \"" + suggestion + "\"",
                    _ =>
                    {
                        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion))
                            .WithTriviaFrom(literal);
                        return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement)));
                    },
                    EquivalenceKey),
                diagnostic);
        }
    }
}
