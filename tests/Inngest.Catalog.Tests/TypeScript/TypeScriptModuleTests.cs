using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Inngest.Generators.Tests.Corpus;
using Inngest.Testing.Server;

namespace Inngest.Catalog.Tests.TypeScript;

/// <summary>
/// The TypeScript module against the real packages: tsc --strict accepts it for the whole corpus in both schema
/// styles; a function reading a field of the right type compiles and one reading a misspelled or mistyped field
/// does not; @inngest/test runs a function triggered by the generated eventType with events the .NET client put
/// on the wire, and the zod variant rejects a corrupted one.
/// </summary>
[Collection(nameof(TypeScriptToolchain))]
public sealed class TypeScriptModuleTests(TypeScriptToolchain toolchain)
{
    private const string Reader = """
        import { Inngest } from "inngest";
        import { nested } from "./events.js";

        const inngest = new Inngest({ id: "catalog-tests" });

        export const fn = inngest.createFunction({ id: "read-nested", triggers: [nested] }, async ({ event }) => {
          const name: string = event.data.customer.name;
          const city: string | null = event.data.history[0]?.city ?? null;
          const balance: number | null = event.data.balance?.amount ?? null;
          return { name, city, balance, payments: event.data.customer.payments.length };
        });
        """;

    /// <summary>Reader functions: the line each one runs, and the tsc error it must give (none for the right reads).</summary>
    private static readonly (string Name, string Trigger, string Line, int? Error)[] Readers =
    [
        ("right", "nested", "const name: string = event.data.customer.name; const zip: string | null = event.data.history[0].zip;", null),
        ("rightEnum", "enums", "const shade: \"Light\" | \"Dark\" = event.data.typed; const plain: 0 | 1 | 2 = event.data.plain;", null),
        ("misspelled", "nested", "const name: string = event.data.customer.nmae;", 2339),
        ("mistyped", "nested", "const name: number = event.data.customer.name;", 2322),
        ("nullable", "nested", "const zip: string = event.data.history[0].zip;", 2322),
        ("optional", "attributed", "const omitted: string = event.data.omittedWhenNull;", 2322),
        ("enumLiteral", "enums", "const shade: \"Light\" = event.data.typed;", 2322),
    ];

    [Theory]
    [InlineData("static")]
    [InlineData("zod")]
    public async Task Tsc_strict_accepts_the_module_and_right_reads_and_rejects_misspelled_or_mistyped_ones(string style)
    {
        var folder = toolchain.NewWorkFolder("module-" + style);
        var events = Path.Combine(folder, "events.ts");
        File.WriteAllText(events, TypeScriptToolchain.ModuleFor(style));
        foreach (var (name, trigger, line, _) in Readers)
        {
            File.WriteAllText(Path.Combine(folder, name + ".ts"), $$"""
                import { Inngest } from "inngest";
                import { {{trigger}} } from "./events.js";

                const inngest = new Inngest({ id: "catalog-tests" });

                export const fn = inngest.createFunction({ id: "{{name}}", triggers: [{{trigger}}] }, async ({ event }) => {
                  {{line}}
                  return null;
                });
                """);
        }

        var (_, diagnostics) = await toolchain.TypeCheckAsync([events, .. Readers.Select(r => Path.Combine(folder, r.Name + ".ts"))]);

        Assert.DoesNotContain(diagnostics, d => d.File == events);
        foreach (var (name, _, line, error) in Readers)
        {
            var found = diagnostics.Where(d => d.File == Path.Combine(folder, name + ".ts")).ToList();
            if (error is null)
            {
                Assert.True(found.Count == 0, $"{name}: {line}\n" + string.Join("\n", found));
            }
            else
            {
                Assert.True(found.Count == 1 && found[0].Code == error, $"{name}: {line} should fail with TS{error}; tsc said: " + string.Join("\n", found));
            }
        }
    }

    [Theory]
    [InlineData("static")]
    [InlineData("zod")]
    public async Task Inngest_test_runs_a_function_on_events_the_dotnet_client_sent(string style)
    {
        // What the .NET client actually put on the wire, captured by a real HTTP server.
        await using var server = await CaptureServer.StartAsync();
        using var client = new InngestClient(new InngestClientOptions { EventKey = "catalog-key", BaseUrl = server.BaseUrl.ToString() });
        await client.SendNestedAsync(new Nested(
            new Customer { Name = "Taylor", Home = null, Location = new GeoPoint { Lat = 1, Lng = 2 }, Payments = [new Money(9.5m, "EUR")] },
            [new Address("1 Main St", "Springfield", null)], new Money(12.25m, "USD"), null));
        var sent = server.Requests.Single().BodyJson[0];
        var wireEvent = JsonNode.Parse(sent.GetRawText())!.AsObject();

        var folder = toolchain.NewWorkFolder("run-" + style);
        File.WriteAllText(Path.Combine(folder, "events.ts"), TypeScriptToolchain.ModuleFor(style));
        File.WriteAllText(Path.Combine(folder, "fn.ts"), Reader);
        var output = Path.Combine(folder, "out");
        var (ok, diagnostics) = await toolchain.TypeCheckAsync([Path.Combine(folder, "fn.ts")], output);
        Assert.True(ok, string.Join("\n", diagnostics.Take(10)));

        var run = await toolchain.Node.RunAsync("run.mjs", new JsonObject { ["module"] = Path.Combine(output, "fn.js"), ["events"] = new JsonArray(wireEvent.DeepClone()) });

        Assert.Null(run["error"]?.GetValue<string>());
        Assert.Equal("""{"name":"Taylor","city":"Springfield","balance":12.25,"payments":1}""", run["result"]!.ToJsonString());

        // A corrupted event: the zod variant rejects it before the function runs; the static one cannot tell.
        var corrupted = wireEvent.DeepClone().AsObject();
        corrupted["data"]!["customer"]!["name"] = 42;
        var rejected = await toolchain.Node.RunAsync("run.mjs", new JsonObject { ["module"] = Path.Combine(output, "fn.js"), ["events"] = new JsonArray(corrupted) });
        if (style == "zod")
        {
            Assert.Contains("customer.name", rejected["error"]!.GetValue<string>(), System.StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(rejected["error"]?.GetValue<string>());
        }
    }
}
