using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;

namespace Inngest.Benchmarks;

/// <summary>
/// Entry point. <c>bdn [BenchmarkDotNet args]</c> runs the BenchmarkDotNet suites; the other
/// commands run the timing harnesses that BenchmarkDotNet cannot host (see benchmarks/run.sh).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var command = args.Length > 0 ? args[0] : "bdn";
        var rest = args.Length > 0 ? args[1..] : Array.Empty<string>();
        switch (command)
        {
            case "bdn":
                var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest);
                foreach (var summary in summaries)
                {
                    if (summary.HasCriticalValidationErrors || summary.Reports.Length == 0 || System.Linq.Enumerable.Any(summary.Reports, r => !r.Success))
                    {
                        Console.Error.WriteLine($"benchmark run failed: {summary.Title}");
                        return 1;
                    }
                }

                return 0;
            case "e2e":
                return await EndToEnd.CrossLanguage.RunAsync(rest);
            case "gencost":
                return await GeneratorCost.GeneratorCostHarness.RunAsync(rest);
            case "gencost-build":
                return await GeneratorCost.ReportAnalyzerBuild.RunAsync(rest);
            case "aot":
                return await Aot.AotStartup.RunAsync(rest);
            case "guard":
                return RegressionGuard.Run(rest);
            case "ladder":
                return await EndToEnd.SendLadder.RunAsync(rest);
            case "sendcost":
                return EndToEnd.SendCost.Run(rest);
            case "spin":
                return Spin.Run(rest);
            case "quickcompare":
                return QuickCompare.Run(rest);
            case "receiving-cpu":
                return Receiving.ReceivingQuickCompare.Run(rest);
            default:
                Console.Error.WriteLine($"unknown command '{command}'; use bdn, e2e, gencost, gencost-build, aot, quickcompare, guard, sendcost, spin or receiving-cpu");
                return 2;
        }
    }
}
