using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Inngest.Testing.Server;
using Inngest.Typed.Build;

namespace Inngest.Catalog.Tests.TypeScript;

/// <summary>
/// The pinned npm packages in <c>node/</c> (inngest 4.24.0, zod, typescript, @inngest/test; installed with
/// <c>npm ci</c> once per run by <see cref="NodeDriver"/>), a fresh work folder per use, and the module the build
/// writer makes from this test assembly (which compiles the generator parity corpus).
/// </summary>
public sealed class TypeScriptToolchain : IAsyncLifetime
{
    public NodeDriver Node { get; } = new(Path.Combine(SourceDirectory(), "node"), "inngest", "the catalog's TypeScript tests");

    public Task InitializeAsync() => Node.EnsureInstalledAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A new folder under node/work (inside node/, so the modules resolve the pinned packages).</summary>
    public string NewWorkFolder(string name)
    {
        var folder = Path.Combine(Node.Directory, "work", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The TypeScript module for this assembly's events, as the build writes it.</summary>
    public static string ModuleFor(string style)
        => TypeScriptWriter.Write("Inngest.Catalog.Tests", EventReader.Read(typeof(TypeScriptToolchain).Assembly.Location), style == "zod" ? SchemaStyle.Zod : SchemaStyle.Static);

    /// <summary>Runs tsc (strict) on the files; with <paramref name="outDir"/> it also emits JavaScript there.</summary>
    public async Task<(bool Ok, List<(int Code, string Message, string? File)> Diagnostics)> TypeCheckAsync(IEnumerable<string> files, string? outDir = null)
    {
        var input = new JsonObject { ["files"] = new JsonArray(files.Select(f => (JsonNode)f).ToArray()), ["outDir"] = outDir };
        var answer = await Node.RunAsync("tsc.mjs", input, timeout: TimeSpan.FromMinutes(3));
        var diagnostics = answer["diagnostics"]!.AsArray()
            .Select(d => (d!["code"]!.GetValue<int>(), d["message"]!.GetValue<string>(), d["file"]?.GetValue<string>())).ToList();
        return (answer["ok"]!.GetValue<bool>(), diagnostics);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(Path.GetDirectoryName(path)!)!;
}

[CollectionDefinition(nameof(TypeScriptToolchain))]
public sealed class TypeScriptCollection : ICollectionFixture<TypeScriptToolchain>;
