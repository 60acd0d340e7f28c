using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Catalog.Tests.Schema;

/// <summary>
/// The oracle project's case files (compiled in memory with our generator, as the oracle tests compile them):
/// every value of every event type that the generated metadata writes validates against that type's schema,
/// and the mutations do not.
/// </summary>
public sealed class OracleCaseSchemaTests
{
    private const int ValuesPerEvent = 20;

    public static TheoryData<string> CaseFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in CaseRunner.CaseFiles().Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public void Every_written_value_of_every_case_validates_and_mutations_do_not(string file)
    {
        var compiled = CaseCompiler.Compile(file, [CaseRunner.Source(file)], withOracleContext: false);
        Assert.True(compiled.Errors.IsEmpty, string.Join("\n", compiled.Errors.Take(5)));
        var failures = new List<string>();
        var checkedValues = 0;
        foreach (var type in compiled.Assembly!.GetTypes().Where(EventValues.IsDeclaredEvent).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var schemaText = SchemaAssert.SchemaOf(type);
            var schema = SchemaAssert.Parse(schemaText);
            // Hand samples by type name (two namespaces may declare the same name: then none).
            var samples = compiled.Assembly!.GetTypes().Count(t => t.Name == type.Name && EventValues.IsEvent(t)) == 1 ? CaseRunner.SamplesFor(compiled, type.Name) : [];
            foreach (var value in EventValues.Written(type, ValuesPerEvent, [compiled.Assembly!], samples))
            {
                checkedValues++;
                if (SchemaAssert.Errors(schema, value) is { } errors)
                {
                    failures.Add($"{type.Name}: valid value rejected: {value.ToJsonString()}\n  {errors}\n  schema {schemaText}");
                    continue;
                }

                if (value is JsonObject obj)
                {
                    foreach (var (what, mutated) in SchemaAssert.Mutations(JsonNode.Parse(schemaText)!, obj))
                    {
                        if (SchemaAssert.Errors(schema, mutated) is null)
                        {
                            failures.Add($"{type.Name}: mutation accepted ({what}): {mutated.ToJsonString()}\n  schema {schemaText}");
                        }
                    }
                }
            }
        }

        Assert.True(checkedValues > 0, $"{file}: no value was checked");
        Assert.True(failures.Count == 0, $"{file}\n" + string.Join("\n", failures.Distinct().Take(8)));
    }
}
