using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Generators.Oracle.Tests.Harness;

/// <summary>
/// Compiles case sources in memory with both generators on one compilation: ours (from the
/// <c>[InngestEvent]</c> attributes) and System.Text.Json's (from an oracle <c>JsonSerializerContext</c>
/// written here with a <c>[JsonSerializable]</c> entry per event type), runs our analyzers, emits and
/// loads the result into a collectible load context.
/// </summary>
internal static class CaseCompiler
{
    public const string InngestEventAttribute = "Inngest.InngestEventAttribute";
    public const string OracleContextName = "Oracle.Generated.OracleContext";

    /// <summary>
    /// Compiles <paramref name="sources"/>. The oracle context has exactly what a user's context would: one
    /// <c>[JsonSerializable]</c> per event type and per <see cref="OracleRuntimeTypeAttribute"/> type, and
    /// whatever System.Text.Json's generator adds by itself (it brings the primitives when <c>object</c> is
    /// reachable). With <paramref name="onlyCase"/>, every other event type loses its <c>[InngestEvent]</c>
    /// attribute, so a generator failure on one case cannot hide the others.
    /// </summary>
    /// <remarks>
    /// Without <paramref name="withOracleContext"/> no oracle context is added (for cases System.Text.Json's
    /// generator emits code for that does not compile; reflection is the oracle then). Without
    /// <paramref name="withOurGenerator"/> only System.Text.Json's generator runs (to check the cases themselves).
    /// </remarks>
    public static CompiledCases Compile(string name, IReadOnlyList<string> sources, string? onlyCase = null, bool withOracleContext = true, bool withOurGenerator = true, CancellationToken cancellationToken = default)
    {
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, CompilerSetup.ParseOptions, path: $"{name}.{i}.cs", encoding: Encoding.UTF8, cancellationToken: cancellationToken)).ToList();
        if (onlyCase is not null)
        {
            trees = trees.Select(t => t.WithRootAndOptions(new OtherEventsStripper(onlyCase).Visit(t.GetRoot(cancellationToken)), t.Options)).ToList();
        }

        var assemblyName = "Oracle_" + new string(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray()) + (onlyCase is null ? "" : "_" + onlyCase) + (withOracleContext ? "" : "_reflection") + (withOurGenerator ? "" : "_oracleonly");
        var compilation = CSharpCompilation.Create(assemblyName, trees, CompilerSetup.References, CompilerSetup.CompilationOptions);

        var eventTypes = FindTypes(compilation, InngestEventAttribute);
        var runtimeTypes = FindTypes(compilation, typeof(OracleRuntimeTypeAttribute).FullName!);
        if (withOracleContext)
        {
            var contextTree = CSharpSyntaxTree.ParseText(OracleContextSource(eventTypes.Concat(runtimeTypes), eventTypes.Any(ReachesObject)), CompilerSetup.ParseOptions, path: "OracleContext.cs", encoding: Encoding.UTF8, cancellationToken: cancellationToken);
            compilation = compilation.AddSyntaxTrees(contextTree);
        }

        var generators = withOurGenerator ? CompilerSetup.Generators : CompilerSetup.Generators.Take(1).ToImmutableArray();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(generators, parseOptions: CompilerSetup.ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics, cancellationToken);

        var analyzerDiagnostics = output.WithAnalyzers(CompilerSetup.OurAnalyzers).GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();

        using var stream = new MemoryStream();
        var emit = output.Emit(stream, cancellationToken: cancellationToken);
        var errors = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

        CaseLoadContext? context = null;
        System.Reflection.Assembly? assembly = null;
        if (emit.Success)
        {
            stream.Position = 0;
            context = new CaseLoadContext(assemblyName);
            assembly = context.LoadFromStream(stream);
        }

        return new CompiledCases
        {
            Name = name,
            HasOracleContext = withOracleContext,
            Compilation = output,
            EventTypeNames = eventTypes.Select(t => t.Name).ToImmutableArray(),
            OracleDiagnostics = generatorDiagnostics.Where(d => d.Id.StartsWith("SYSLIB", StringComparison.Ordinal)).ToImmutableArray(),
            OracleCrashes = generatorDiagnostics.Where(IsOracleCrash).ToImmutableArray(),
            OurDiagnostics = generatorDiagnostics.Where(d => !d.Id.StartsWith("SYSLIB", StringComparison.Ordinal) && !IsOracleCrash(d)).Concat(analyzerDiagnostics).ToImmutableArray(),
            Errors = errors,
            GeneratedSources = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources.Select(s => (r.Generator.GetGeneratorType().Name, s.HintName, s.SourceText.ToString()))).ToImmutableArray(),
            LoadContext = context,
            Assembly = assembly,
        };
    }

    /// <summary>CS8785 for System.Text.Json's generator: it threw, so it generated nothing (an oracle bug, not ours).</summary>
    private static bool IsOracleCrash(Diagnostic d) => d.Id == "CS8785" && d.GetMessage().Contains("JsonSourceGenerator", StringComparison.Ordinal);

    /// <summary>The event type names of a source, from its syntax alone (no compilation needed).</summary>
    public static ImmutableArray<string> EventTypeNames(string source) => CSharpSyntaxTree.ParseText(source, CompilerSetup.ParseOptions).GetRoot()
        .DescendantNodes().OfType<TypeDeclarationSyntax>().Where(IsEvent).Select(t => t.Identifier.ValueText).ToImmutableArray();

    private static bool IsEvent(TypeDeclarationSyntax type) => type.AttributeLists.SelectMany(l => l.Attributes).Any(IsInngestEvent);

    private static bool IsInngestEvent(AttributeSyntax attribute)
    {
        var name = attribute.Name.ToString();
        return name is "InngestEvent" or "InngestEventAttribute" or "Inngest.InngestEvent" or "global::Inngest.InngestEvent";
    }

    private static List<INamedTypeSymbol> FindTypes(Compilation compilation, string attributeName)
    {
        var attribute = compilation.GetTypeByMetadataName(attributeName);
        var found = new List<INamedTypeSymbol>();
        if (attribute is null)
        {
            return found;
        }

        void Walk(INamespaceOrTypeSymbol container)
        {
            foreach (var member in container.GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    Walk(ns);
                }
                else if (member is INamedTypeSymbol type && type.Locations.Any(l => l.IsInSource))
                {
                    if (type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)))
                    {
                        found.Add(type);
                    }

                    Walk(type);
                }
            }
        }

        Walk(compilation.Assembly.GlobalNamespace);
        return found;
    }

    private static string OracleContextSource(IEnumerable<INamedTypeSymbol> types, bool withObjectScalars)
    {
        var text = new StringBuilder();
        text.AppendLine("namespace Oracle.Generated;");
        text.AppendLine("[global::System.Text.Json.Serialization.JsonSourceGenerationOptions(global::System.Text.Json.JsonSerializerDefaults.Web, GenerationMode = global::System.Text.Json.Serialization.JsonSourceGenerationMode.Metadata)]");
        var names = types.Where(t => !t.IsGenericType || t.TypeArguments.All(a => a.TypeKind != TypeKind.TypeParameter))
            .Select(t => t.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).Distinct();
        foreach (var typeName in names)
        {
            // A property name of its own per entry: types that share a simple name (A.Created, B.Created) need not collide.
            var property = "T_" + new string(typeName.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
            text.Append("[global::System.Text.Json.Serialization.JsonSerializable(typeof(").Append(typeName).Append("), TypeInfoPropertyName = \"").Append(property).AppendLine("\")]");
        }

        // System.Text.Json's generator does not bring the types an `object` member may hold; a user whose
        // payload has one lists them in the context, so the oracle does the same (only then: otherwise the
        // oracle would describe more than a user's context does).
        foreach (var scalar in withObjectScalars ? s_objectScalars : [])
        {
            text.Append("[global::System.Text.Json.Serialization.JsonSerializable(typeof(").Append(scalar).AppendLine("))]");
        }

        text.AppendLine("internal partial class OracleContext : global::System.Text.Json.Serialization.JsonSerializerContext;");
        return text.ToString();
    }

    /// <summary>The run-time types the value builder puts in <c>object</c> members.</summary>
    private static readonly string[] s_objectScalars =
    [
        "int", "long", "double", "decimal", "bool", "string", "global::System.Guid", "global::System.DateTime", "global::System.DateTimeOffset",
        "global::System.Text.Json.JsonElement", "global::System.Text.Json.Nodes.JsonNode", "global::System.Text.Json.Nodes.JsonObject",
        "global::System.Text.Json.Nodes.JsonArray", "global::System.Text.Json.Nodes.JsonValue",
    ];

    /// <summary>
    /// Whether serializing the type can meet an <c>object</c> (a member, element or dictionary value), walking
    /// members as System.Text.Json does: not into types or members with a [JsonConverter], not into ignored members.
    /// </summary>
    private static bool ReachesObject(INamedTypeSymbol root)
    {
        var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<ITypeSymbol>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!seen.Add(type) || seen.Count > 5000)
            {
                continue;
            }

            if (type.SpecialType == SpecialType.System_Object)
            {
                return true;
            }

            if (type is IArrayTypeSymbol array)
            {
                pending.Push(array.ElementType);
                continue;
            }

            if (type is not INamedTypeSymbol named || HasAttribute(named, "JsonConverterAttribute"))
            {
                continue;
            }

            foreach (var argument in named.TypeArguments)
            {
                pending.Push(argument);
            }

            foreach (var derived in named.GetAttributes().Where(a => a.AttributeClass?.Name == "JsonDerivedTypeAttribute"))
            {
                if (derived.ConstructorArguments.FirstOrDefault().Value is ITypeSymbol derivedType)
                {
                    pending.Push(derivedType);
                }
            }

            if (named.ContainingNamespace?.ToDisplayString().StartsWith("System", StringComparison.Ordinal) == true)
            {
                continue;
            }

            for (var current = named; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member.IsStatic || HasAttribute(member, "JsonIgnoreAttribute") || HasAttribute(member, "JsonConverterAttribute"))
                    {
                        continue;
                    }

                    if (member is IPropertySymbol { Parameters.Length: 0 } property)
                    {
                        pending.Push(property.Type);
                    }
                    else if (member is IFieldSymbol { IsImplicitlyDeclared: false } field)
                    {
                        pending.Push(field.Type);
                    }
                }
            }
        }

        return false;
    }

    private static bool HasAttribute(ISymbol symbol, string name) => symbol.GetAttributes().Any(a => a.AttributeClass?.Name == name);

    /// <summary>Removes <c>[InngestEvent]</c> from every type but one.</summary>
    private sealed class OtherEventsStripper(string keep) : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitAttributeList(AttributeListSyntax node)
        {
            if (node.Parent is TypeDeclarationSyntax type && type.Identifier.ValueText != keep && node.Attributes.Any(IsInngestEvent))
            {
                var rest = node.Attributes.Where(a => !IsInngestEvent(a)).ToArray();
                return rest.Length == 0 ? null : node.WithAttributes(SyntaxFactory.SeparatedList(rest));
            }

            return base.VisitAttributeList(node);
        }
    }
}
