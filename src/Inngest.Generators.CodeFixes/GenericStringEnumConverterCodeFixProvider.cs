using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Inngest.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Generators.CodeFixes;

/// <summary>
/// Fixes INNG015 by rewriting <c>[JsonConverter(typeof(JsonStringEnumConverter))]</c> on the enum, property, field or
/// positional record parameter to <c>typeof(JsonStringEnumConverter&lt;TEnum&gt;)</c>, which writes the same JSON and
/// needs no run-time code generation under Native AOT.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GenericStringEnumConverterCodeFixProvider))]
[Shared]
public sealed class GenericStringEnumConverterCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "INNG015.UseGenericStringEnumConverter";
    private const string NonGenericConverter = "System.Text.Json.Serialization.JsonStringEnumConverter";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ReflectionStringEnumConverter.Id);

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
            var declaration = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf()
                .FirstOrDefault(n => n is EnumDeclarationSyntax or PropertyDeclarationSyntax or FieldDeclarationSyntax or ParameterSyntax);
            if (declaration is null || EnumTypeOf(declaration, model, context) is not { } enumType)
            {
                continue;
            }

            foreach (var typeOf in ConverterTypeOfs(declaration, model))
            {
                var enumName = enumType.ToMinimalDisplayString(model, typeOf.SpanStart);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use JsonStringEnumConverter<" + enumName + ">",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(typeOf.Type, Generic(typeOf.Type, enumName)))),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The enum the converter converts: the enum itself, or the (nullable) enum type of the member.</summary>
    private static ITypeSymbol? EnumTypeOf(SyntaxNode declaration, SemanticModel model, CodeFixContext context)
    {
        ISymbol? symbol = declaration is FieldDeclarationSyntax field
            ? model.GetDeclaredSymbol(field.Declaration.Variables[0], context.CancellationToken)
            : model.GetDeclaredSymbol(declaration, context.CancellationToken);
        var type = symbol switch
        {
            INamedTypeSymbol { TypeKind: TypeKind.Enum } named => named,
            IPropertySymbol property => property.Type,
            IFieldSymbol fieldSymbol => fieldSymbol.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type is { TypeKind: TypeKind.Enum } ? type : null;
    }

    /// <summary>The <c>typeof(JsonStringEnumConverter)</c> arguments of the declaration's own attributes.</summary>
    private static System.Collections.Generic.IEnumerable<TypeOfExpressionSyntax> ConverterTypeOfs(SyntaxNode declaration, SemanticModel model)
    {
        var lists = declaration switch
        {
            MemberDeclarationSyntax member => member.AttributeLists,
            ParameterSyntax parameter => parameter.AttributeLists,
            _ => default,
        };
        foreach (var argument in lists.SelectMany(list => list.Attributes).SelectMany(a => a.ArgumentList?.Arguments ?? default))
        {
            if (argument.Expression is TypeOfExpressionSyntax typeOf
                && model.GetTypeInfo(typeOf.Type).Type is INamedTypeSymbol { IsGenericType: false } converter
                && converter.ToDisplayString() == NonGenericConverter)
            {
                yield return typeOf;
            }
        }
    }

    /// <summary><c>JsonStringEnumConverter</c> (however qualified) as <c>JsonStringEnumConverter&lt;TEnum&gt;</c>.</summary>
    private static TypeSyntax Generic(TypeSyntax type, string enumName)
    {
        var argument = SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.ParseTypeName(enumName)));
        TypeSyntax replacement = type switch
        {
            QualifiedNameSyntax qualified => qualified.WithRight(SyntaxFactory.GenericName(qualified.Right.Identifier, argument)),
            AliasQualifiedNameSyntax alias => alias.WithName(SyntaxFactory.GenericName(alias.Name.Identifier, argument)),
            SimpleNameSyntax simple => SyntaxFactory.GenericName(simple.Identifier, argument),
            _ => type,
        };
        return replacement.WithTriviaFrom(type);
    }
}
