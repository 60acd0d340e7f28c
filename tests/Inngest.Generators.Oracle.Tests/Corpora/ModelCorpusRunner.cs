using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Generators.Oracle.Tests.Corpora;

/// <summary>
/// Runs a slice of a model library against the oracle: wrappers compiled in batches; a batch that does
/// not build (a compile error, or System.Text.Json's generator throwing) is split in halves until the
/// culprits stand alone, so one broken model type costs a few compilations, not one per type. Values are
/// built by CsCheck through <see cref="ValueGen"/>.
/// </summary>
internal static class ModelCorpusRunner
{
    private const int BatchSize = 20;

    /// <summary>Model-type full name -> what differed, for every model type in <paramref name="models"/> that differs.</summary>
    public static Dictionary<string, List<string>> Run(ModelLibrary library, IReadOnlyList<Type> models, Action<string> log)
    {
        var failures = new Dictionary<string, List<string>>();
        foreach (var batch in models.Chunk(BatchSize))
        {
            var watch = Stopwatch.StartNew();
            var compilations = 0;
            JudgeBatch(library, batch, failures, ref compilations);
            log($"{library.Name}: {batch.Length} model types from {batch[0].FullName} in {watch.Elapsed.TotalSeconds:0.0} s, {compilations} compilation(s)");
        }

        return failures;
    }

    private static void JudgeBatch(ModelLibrary library, Type[] batch, Dictionary<string, List<string>> failures, ref int compilations)
    {
        var source = library.WrapperSource(batch);
        var name = $"{library.Name}_{ModelLibrary.WrapperName(batch[0])}_{batch.Length}";
        var compiled = CaseCompiler.Compile(name, [source]);
        compilations++;
        if (batch.Length > 1 && (!compiled.Errors.IsEmpty || !compiled.OracleCrashes.IsEmpty))
        {
            compiled.LoadContext?.Unload();
            var half = batch.Length / 2;
            JudgeBatch(library, batch[..half], failures, ref compilations);
            JudgeBatch(library, batch[half..], failures, ref compilations);
            return;
        }

        if (batch.Length == 1 && compiled.OracleCodeFailsToCompile)
        {
            // System.Text.Json's generator cannot handle this model type: reflection is its oracle.
            compiled.LoadContext?.Unload();
            compiled = CaseCompiler.Compile(name, [source], withOracleContext: false);
            compilations++;
        }

        foreach (var model in batch)
        {
            var wrapper = ModelLibrary.WrapperName(model);
            var single = compiled.For(wrapper);
            if (single is null)
            {
                single = CaseCompiler.Compile($"{library.Name}_{wrapper}", [source], onlyCase: wrapper, withOracleContext: compiled.HasOracleContext);
                compilations++;
            }

            var problems = CaseRunner.Judge(single, wrapper, [], OracleSettings.CorpusSamples, [library.Assembly]);
            if (problems.Count > 0)
            {
                failures[model.FullName!] = problems;
            }

            if (single.LoadContext != compiled.LoadContext)
            {
                single.LoadContext?.Unload();
            }
        }

        compiled.LoadContext?.Unload();
    }
}
