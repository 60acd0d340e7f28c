using System;
using System.Collections.Generic;
using System.Linq;
using Inngest.Generators.Oracle.Tests.Harness;
using Xunit.Abstractions;

namespace Inngest.Generators.Oracle.Tests.Corpora;

/// <summary>
/// Real-world corpora: every public model type of Stripe.net and Telegram.Bot (both describe their JSON
/// with System.Text.Json attributes) wrapped as an event and compared with the oracle on random values.
/// CI runs a seeded slice (ORACLE_CORPUS_TYPES, default 20 per library); ORACLE_CORPUS_TYPES=all runs all.
/// </summary>
public sealed class ModelCorpusTests(ITestOutputHelper output)
{
    internal static readonly ModelLibrary Stripe = new("Stripe", typeof(global::Stripe.StripeEntity).Assembly);

    internal static readonly ModelLibrary Telegram = new("Telegram", typeof(global::Telegram.Bot.Types.Update).Assembly);

    [Fact]
    public void Stripe_models_match_the_oracle() => RunSlice(Stripe);

    [Fact]
    public void Telegram_models_match_the_oracle() => RunSlice(Telegram);

    [Fact]
    public void Both_libraries_really_are_System_Text_Json_model_libraries()
    {
        // Hundreds of model types each: a corpus of real size, not a handful.
        Assert.True(Stripe.ModelTypes.Count > 500, $"Stripe.net has {Stripe.ModelTypes.Count} model types");
        Assert.True(Telegram.ModelTypes.Count > 200, $"Telegram.Bot has {Telegram.ModelTypes.Count} model types");
    }

    private void RunSlice(ModelLibrary library)
    {
        var run = s_runs.GetOrAdd(library.Name, _ => new Lazy<CorpusRun>(() => CorpusRun.Of(library))).Value;
        output.WriteLine(run.Log);
        foreach (var (model, problems) in run.Failures.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"== {model}");
            foreach (var problem in problems.Take(4))
            {
                output.WriteLine("   " + problem);
            }
        }

        Assert.True(run.Failures.Count == 0, $"{run.Failures.Count} of {run.Models.Count} {library.Name} model types differ from the oracle: {string.Join(", ", run.Failures.Keys.Order(StringComparer.Ordinal).Take(40))}");
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<CorpusRun>> s_runs = new();

    /// <summary>The seeded slice of the library's model types, judged once per test run.</summary>
    private sealed record CorpusRun(IReadOnlyList<Type> Models, Dictionary<string, List<string>> Failures, string Log)
    {
        public static CorpusRun Of(ModelLibrary library)
        {
            var models = library.Sample(OracleSettings.CorpusTypes, OracleSettings.SeedFor(library.Name)).ToList();
            var log = new System.Text.StringBuilder();
            var failures = models.Count == 0 ? [] : ModelCorpusRunner.Run(library, models, line => log.AppendLine(line));
            return new CorpusRun(models, failures, log.ToString());
        }
    }
}
