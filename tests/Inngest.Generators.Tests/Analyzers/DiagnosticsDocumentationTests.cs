using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Inngest.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Generators.Tests.Analyzers;

/// <summary>Every descriptor has a help link into docs/diagnostics.md that lands on a section, and an analyzer reports it.</summary>
public class DiagnosticsDocumentationTests
{
    private static DiagnosticDescriptor[] AllDescriptors() => typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
        .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
        .ToArray();

    private static string ReadRepositoryFile(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate);
            }
        }

        throw new FileNotFoundException("Not found above the test output directory.", relativePath);
    }

    [Fact]
    public void Every_descriptor_links_to_its_section_in_the_docs()
    {
        var docs = ReadRepositoryFile(Path.Combine("docs", "diagnostics.md"));
        var descriptors = AllDescriptors();
        // Every rule in the release tracking file has a descriptor, and no descriptor is missing from it.
        var tracked = ReadRepositoryFile(Path.Combine("src", "Inngest.Generators", "AnalyzerReleases.Unshipped.md"))
            .Split('\n')
            .Where(line => line.StartsWith("INNG", StringComparison.Ordinal))
            .Select(line => line.Split('|')[0].Trim())
            .OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(tracked, descriptors.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        foreach (var descriptor in descriptors)
        {
            Assert.EndsWith("/docs/diagnostics.md#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri);
            Assert.Contains("\n## " + descriptor.Id + "\n", docs.Replace("\r\n", "\n"));
            Assert.Contains("| [" + descriptor.Id + "](#" + descriptor.Id.ToLowerInvariant() + ") | " + descriptor.DefaultSeverity + " |", docs);
        }
    }

    [Fact]
    public void Every_descriptor_is_reported_by_exactly_one_analyzer()
    {
        var analyzers = typeof(DiagnosticDescriptors).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToArray();
        Assert.NotEmpty(analyzers);
        var supported = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToList();
        Assert.Equal(supported.Distinct().Count(), supported.Count);

        var expected = AllDescriptors().Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(expected, supported.OrderBy(id => id, StringComparer.Ordinal));
    }
}
