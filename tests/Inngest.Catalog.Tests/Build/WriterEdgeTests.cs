using System;
using System.IO;
using Inngest.Typed.Build;

namespace Inngest.Catalog.Tests.Build;

/// <summary>The build writer's names and errors: what would not compile in TypeScript is renamed, bad settings say what to fix.</summary>
public sealed class WriterEdgeTests
{
    private const string Schema = """{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"id":{"type":"string"}},"required":["id"]}""";

    [Fact]
    public void Types_named_like_the_modules_own_names_and_exports_named_like_reserved_words_are_renamed()
    {
        var module = TypeScriptWriter.Write("App", [
            new CatalogEntry("app/record.made", null, "App.Record", "Record", null, Schema),
            new CatalogEntry("app/item.deleted", null, "App.Delete", "Delete", null, Schema),
            new CatalogEntry("app/other.record.made", null, "Other.Record", "Record", null, Schema),
        ], SchemaStyle.Static);

        Assert.Contains("export type Record2 = {", module, StringComparison.Ordinal);
        Assert.Contains("export type Record3 = {", module, StringComparison.Ordinal);
        Assert.Contains("export const record2 = eventType(\"app/record.made\"", module, StringComparison.Ordinal);
        Assert.Contains("export const deleteEvent = eventType(\"app/item.deleted\"", module, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_schema_style_says_which_values_work()
    {
        var error = Assert.Throws<ArgumentException>(() => Program.Run(typeof(WriterEdgeTests).Assembly.Location, Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json"), "x.ts", "yup"));
        Assert.Equal("InngestTypeScriptSchema is 'yup'; use 'static' (staticSchema<T>(), the default) or 'zod'.", error.Message);
    }

    [Fact]
    public void The_tool_reports_missing_arguments_in_msbuild_error_format()
    {
        var stderr = new StringWriter();
        var previous = Console.Error;
        Console.SetError(stderr);
        try
        {
            Assert.Equal(1, Program.Main(["--assembly", "a.dll"]));
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.StartsWith("Inngest.Typed.Build : error INNGBUILD: --catalog is missing.", stderr.ToString(), StringComparison.Ordinal);
    }
}
