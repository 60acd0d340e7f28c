using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Generators.CodeFixes;

/// <summary>
/// Fixes INNG026 by writing the <c>[InngestEncrypted]</c> member under the configured encryption field:
/// <c>[JsonPropertyName("encrypted")]</c> beside the mark (<c>[property: ...]</c> on a positional record parameter), or a
/// new argument for the member's existing <c>[JsonPropertyName]</c>. The C# name stays as it is.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EncryptionFieldNameCodeFixProvider))]
[Shared]
public sealed class EncryptionFieldNameCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "INNG026.WriteAsConfiguredField";
    private const string PropertyNameAttribute = "System.Text.Json.Serialization.JsonPropertyNameAttribute";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.EncryptedMemberNotConfiguredField.Id);

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
            if (!diagnostic.Properties.TryGetValue(EncryptedMemberAnalyzer.ConfiguredFieldProperty, out var field) || field is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault() is not { Parent: AttributeListSyntax markList } mark
                || markList.Parent is not (ParameterSyntax or PropertyDeclarationSyntax or FieldDeclarationSyntax) || markList.Parent is not { } declaration)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Write the member as \"" + field + "\"",
                    cancellationToken => Task.FromResult(context.Document.WithSyntaxRoot(Fix(root, model, declaration, markList, field, cancellationToken))),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static SyntaxNode Fix(SyntaxNode root, SemanticModel model, SyntaxNode declaration, AttributeListSyntax markList, string field, CancellationToken cancellationToken)
    {
        var name = SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(field)));
        var lists = declaration is ParameterSyntax parameter ? parameter.AttributeLists : ((MemberDeclarationSyntax)declaration).AttributeLists;
        foreach (var attribute in lists.SelectMany(list => list.Attributes))
        {
            if (model.GetTypeInfo(attribute, cancellationToken).Type?.ToDisplayString() == PropertyNameAttribute && attribute.ArgumentList is { Arguments.Count: > 0 } arguments)
            {
                // A [JsonPropertyName] already names the member: give it the configured field.
                return root.ReplaceNode(arguments.Arguments[0], name.WithTriviaFrom(arguments.Arguments[0]));
            }
        }

        var propertyName = SyntaxFactory.Attribute(SyntaxFactory.ParseName(AttributeName(model, declaration.SpanStart)), SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(name)));
        if (declaration is ParameterSyntax && markList.Target is null)
        {
            // On a positional parameter the property needs its own target; the new list goes first, as the mark stays.
            var targeted = SyntaxFactory.AttributeList(SyntaxFactory.AttributeTargetSpecifier(SyntaxFactory.Token(SyntaxKind.PropertyKeyword)), SyntaxFactory.SingletonSeparatedList(propertyName))
                .WithLeadingTrivia(markList.GetLeadingTrivia());
            var updated = ((ParameterSyntax)declaration).WithAttributeLists(lists.Replace(markList, markList.WithLeadingTrivia()).Insert(0, targeted));
            return root.ReplaceNode(declaration, updated);
        }

        // The mark's own list applies to the member (no target on a member, or property:/field:): add it there.
        return root.ReplaceNode(markList, markList.AddAttributes(propertyName));
    }

    // The short name where System.Text.Json.Serialization is imported, else the qualified one.
    private static string AttributeName(SemanticModel model, int position)
        => model.LookupNamespacesAndTypes(position, name: "JsonPropertyNameAttribute").Any(s => s.ToDisplayString() == PropertyNameAttribute)
            ? "JsonPropertyName"
            : "System.Text.Json.Serialization.JsonPropertyName";
}
