using System.Collections.Generic;
using System.Collections.Immutable;
using Inngest.Generators.Diagnostics;
using Inngest.Generators.Rules;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Generators.CodeFixes;

/// <summary>
/// Fixes INNG008 by adding <c>partial</c> to the event type and to every containing type that lacks it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFixProvider))]
[Shared]
public sealed class MakePartialCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "INNG008.MakePartial";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.NotPartial.Id);

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
            var declaration = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
            if (declaration is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Make the event type partial",
                    cancellationToken => AddPartialAsync(context.Document, declaration, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> AddPartialAsync(Document document, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // A type without 'partial' has a single declaration, so every type to change is an ancestor in this file.
        var targets = new List<TypeDeclarationSyntax>();
        foreach (var ancestor in declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>())
        {
            if (!ancestor.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                targets.Add(ancestor);
            }
        }

        if (targets.Count == 0)
        {
            return document;
        }

        var newRoot = root.ReplaceNodes(targets, static (_, rewritten) => AddPartial(rewritten));
        return document.WithSyntaxRoot(newRoot);
    }

    /// <summary>Adds <c>partial</c> as the last modifier, right before the type keyword, keeping trivia in place.</summary>
    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax declaration)
    {
        if (declaration.Modifiers.Count == 0)
        {
            var keyword = declaration.Keyword;
            var partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return declaration
                .WithKeyword(keyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
                .WithModifiers(SyntaxFactory.TokenList(partial));
        }

        var last = declaration.Modifiers[declaration.Modifiers.Count - 1];
        var token = SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.PartialKeyword, last.TrailingTrivia);
        var modifiers = declaration.Modifiers
            .Replace(last, last.WithTrailingTrivia(SyntaxFactory.Space))
            .Add(token);
        return declaration.WithModifiers(modifiers);
    }
}
