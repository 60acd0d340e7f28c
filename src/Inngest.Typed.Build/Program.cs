using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Inngest.Typed.Build;

/// <summary>
/// <c>Inngest.Typed.Build --assembly &lt;dll&gt; --catalog &lt;json&gt; [--typescript &lt;ts&gt; --schema static|zod]</c>,
/// run by build/Inngest.Typed.targets after the compiler. Errors are printed in MSBuild's format so the build shows them.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            var options = Parse(args);
            Run(options["--assembly"], options["--catalog"], options.GetValueOrDefault("--typescript"), options.GetValueOrDefault("--schema") ?? "static");
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            Console.Error.WriteLine("Inngest.Typed.Build : error INNGBUILD: " + e.Message);
            return 1;
        }
    }

    /// <summary>Reads the events of <paramref name="assemblyPath"/> and writes the catalog (and the TypeScript module when a path is given).</summary>
    public static void Run(string assemblyPath, string catalogPath, string? typeScriptPath, string schema)
    {
        var style = schema.Trim().ToLowerInvariant() switch
        {
            "" or "static" => SchemaStyle.Static,
            "zod" => SchemaStyle.Zod,
            _ => throw new ArgumentException($"InngestTypeScriptSchema is '{schema}'; use 'static' (staticSchema<T>(), the default) or 'zod'."),
        };
        var entries = EventReader.Read(assemblyPath);
        var assemblyName = Path.GetFileNameWithoutExtension(assemblyPath);
        WriteIfChanged(catalogPath, CatalogWriter.Write(assemblyName, entries));
        if (!string.IsNullOrWhiteSpace(typeScriptPath))
        {
            WriteIfChanged(typeScriptPath!, new UTF8Encoding(false).GetBytes(TypeScriptWriter.Write(assemblyName, entries, style)));
        }
    }

    /// <summary>Writes the bytes, or only touches the file when they are the same (a TypeScript watcher sees no change; MSBuild sees the output is current).</summary>
    private static void WriteIfChanged(string path, byte[] bytes)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            return;
        }

        File.WriteAllBytes(path, bytes);
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        foreach (var required in new[] { "--assembly", "--catalog" })
        {
            if (!options.ContainsKey(required))
            {
                throw new ArgumentException($"{required} is missing. Usage: Inngest.Typed.Build --assembly <dll> --catalog <json> [--typescript <ts> --schema static|zod]");
            }
        }

        return options;
    }
}
