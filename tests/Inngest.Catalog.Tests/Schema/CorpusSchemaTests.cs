using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Inngest.Catalog.Tests.Schema;

/// <summary>
/// The generator parity corpus (tests/Inngest.Generators.Tests/Corpus, compiled into this project with the
/// generator): every value the generated metadata writes validates against the event's generated schema, and
/// the mutations a schema exists to catch do not.
/// </summary>
public sealed class CorpusSchemaTests
{
    private const int ValuesPerEvent = 60;

    public static TheoryData<string> CorpusEvents()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(CorpusSchemaTests).Assembly.GetTypes()
            .Where(t => t.Namespace == "Inngest.Generators.Tests.Corpus" && EventValues.IsEvent(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusEvents))]
    public void Every_written_value_validates_and_mutations_do_not(string typeName)
    {
        var type = typeof(CorpusSchemaTests).Assembly.GetType(typeName, throwOnError: true)!;
        var schemaText = SchemaAssert.SchemaOf(type);
        var schema = SchemaAssert.Parse(schemaText);
        var values = EventValues.Written(type, ValuesPerEvent, [type.Assembly], HandValues.For(type));
        Assert.NotEmpty(values);

        var failures = new List<string>();
        var mutations = 0;
        foreach (var value in values)
        {
            if (SchemaAssert.Errors(schema, value) is { } errors)
            {
                failures.Add($"valid value rejected: {value.ToJsonString()}\n  {errors}");
                continue;
            }

            if (value is JsonObject obj)
            {
                foreach (var (what, mutated) in SchemaAssert.Mutations(JsonNode.Parse(schemaText)!, obj))
                {
                    mutations++;
                    if (SchemaAssert.Errors(schema, mutated) is null)
                    {
                        failures.Add($"mutation accepted ({what}): {mutated.ToJsonString()}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{typeName}, schema {schemaText}\n" + string.Join("\n", failures.Distinct().Take(10)));
        if (JsonNode.Parse(schemaText)!["required"] is JsonArray { Count: > 0 })
        {
            Assert.True(mutations > 0, $"{typeName}: no mutation was tried");
        }
    }
}
