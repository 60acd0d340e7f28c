using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Inngest.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Generators.Tests.Analyzers;

/// <summary>
/// The generator skips a type exactly when <see cref="EventTypeRules.CanGenerate"/> is false; the analyzers
/// must report an error on exactly those types, or a user gets silence (nothing generated, no error) or
/// broken generated code.
/// </summary>
public class GeneratorAgreementTests
{
    private const string Source = """
        using Inngest;

        namespace Sample;

        [InngestEvent("app/ok.created")] public partial record Ok(string Id);
        [InngestEvent("app/ok_struct.created")] internal partial record struct OkStruct(int Id);
        [InngestEvent("")] public partial record EmptyName(string Id);
        [InngestEvent("inngest/x.y")] public partial record Reserved(string Id);
        [InngestEvent("app/" + Names.Long)] public partial record TooLong(string Id);
        [InngestEvent("App/Unconventional")] public partial record Unconventional(string Id);
        [InngestEvent("app/v.created", Version = "v1")] public partial record BadVersion(string Id);
        [InngestEvent("app/np.created")] public record NotPartial(string Id);
        [InngestEvent("app/g.created")] public partial record Generic<T>(T Value);
        [InngestEvent("app/f.created")] file partial record FileLocal(string Id);
        [InngestEvent("app/m.created", MethodName = "Not Valid")] public partial record BadMethod(string Id);

        public static class Names { public const string Long = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.b"; }

        public partial class Outer
        {
            [InngestEvent("app/nested.created")] public partial record Nested(string Id);
            [InngestEvent("app/private.created")] private partial record Private(string Id);
            [InngestEvent("app/protected.created")] protected partial record Protected(string Id);
            [InngestEvent("app/pp.created")] private protected partial record PrivateProtected(string Id);
            [InngestEvent("app/pi.created")] protected internal partial record ProtectedInternal(string Id);
        }

        public class NonPartialOuter
        {
            [InngestEvent("app/in_non_partial.created")] public partial record Inside(string Id);
        }

        public partial class GenericOuter<T>
        {
            [InngestEvent("app/in_generic.created")] public partial record Inside(string Id);
        }

        file partial class FileOuter
        {
            [InngestEvent("app/in_file.created")] public partial record Inside(string Id);
        }
        """;

    [Fact]
    public async Task CanGenerate_is_false_exactly_where_an_analyzer_reports_an_error()
    {
        var tree = CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Latest), path: "Sample.cs");
        var compilation = CSharpCompilation.Create(
            "Agreement",
            new[] { tree },
            Net80.References.All.Append(AnalyzerTestSupport.RuntimeReference),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new EventNameAnalyzer(), new EventTypeShapeAnalyzer());
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();

        var model = compilation.GetSemanticModel(tree);
        var attributeType = compilation.GetTypeByMetadataName(EventTypeRules.AttributeMetadataName)!;
        var checkedTypes = new List<string>();
        foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
        {
            var type = model.GetDeclaredSymbol(declaration)!;
            var attribute = type.GetAttributes().SingleOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));
            if (attribute is null)
            {
                continue;
            }

            var name = attribute.ConstructorArguments[0].Value as string;
            var methodName = attribute.NamedArguments.FirstOrDefault(a => a.Key == "MethodName").Value.Value as string;
            var canGenerate = EventTypeRules.CanGenerate(type, name, methodName);
            var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && declaration.Span.Contains(d.Location.SourceSpan)).ToList();

            Assert.True(canGenerate == (errors.Count == 0), $"{type.Name}: CanGenerate={canGenerate}, analyzer errors: {string.Join(", ", errors.Select(e => e.Id))}");
            checkedTypes.Add(type.Name);
        }

        Assert.Equal(19, checkedTypes.Count);
        Assert.Contains(diagnostics, d => d.Id == "INNG004");
        Assert.Contains(diagnostics, d => d.Id == "INNG005");
    }
}
