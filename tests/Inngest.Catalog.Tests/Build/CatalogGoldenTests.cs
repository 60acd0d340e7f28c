using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Inngest.Typed.Build;

namespace Inngest.Catalog.Tests.Build;

/// <summary>
/// The build writer's output for the corpus (this assembly) is pinned in Golden/ (UPDATE_GOLDEN=1 rewrites it;
/// review the diff), is the same bytes on every run, and carries exactly the schema constants the generator emitted.
/// </summary>
public sealed class CatalogGoldenTests
{
    private static string AssemblyPath => typeof(CatalogGoldenTests).Assembly.Location;

    [Fact]
    public void The_reader_finds_every_event_with_the_generated_constants_without_loading_the_assembly()
    {
        var entries = EventReader.Read(AssemblyPath);
        var eventTypes = typeof(CatalogGoldenTests).Assembly.GetTypes().Where(t => t.GetCustomAttributes(typeof(InngestEventAttribute), false).Length > 0).ToList();

        Assert.Equal(eventTypes.Count, entries.Count);
        foreach (var type in eventTypes)
        {
            var entry = Assert.Single(entries, e => e.ClrType == type.FullName!.Replace('+', '.'));
            Assert.Equal(type.GetField("EventName")!.GetRawConstantValue(), entry.Name);
            Assert.Equal(type.GetField("EventVersion")!.GetRawConstantValue(), entry.Version);
            Assert.Equal(type.GetField("JsonSchema")!.GetRawConstantValue(), entry.Schema);
        }
    }

    [Theory]
    [InlineData("inngest-events.json")]
    [InlineData("events.static.ts")]
    [InlineData("events.zod.ts")]
    public void The_outputs_match_the_golden_files_and_are_stable(string file)
    {
        string Write()
        {
            var entries = EventReader.Read(AssemblyPath);
            return file switch
            {
                "inngest-events.json" => Encoding.UTF8.GetString(CatalogWriter.Write("Inngest.Catalog.Tests", entries)),
                "events.static.ts" => TypeScriptWriter.Write("Inngest.Catalog.Tests", entries, SchemaStyle.Static),
                _ => TypeScriptWriter.Write("Inngest.Catalog.Tests", entries, SchemaStyle.Zod),
            };
        }

        var actual = Write();
        Assert.Equal(actual, Write());
        var golden = Path.Combine(GoldenDirectory(), file + ".txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
        }

        Assert.True(File.Exists(golden), $"No golden file {golden}; run with UPDATE_GOLDEN=1.");
        Assert.Equal(File.ReadAllText(golden), actual);
    }

    private static string GoldenDirectory([CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(path)!)!, "Golden");
}
