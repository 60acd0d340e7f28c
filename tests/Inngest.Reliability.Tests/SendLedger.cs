using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Testing.Server;

namespace Inngest.Reliability.Tests;

/// <summary>The figures of one run, checked against the fault server's records.</summary>
public sealed class ReliabilityReport
{
    public int Calls { get; init; }
    public int FailedCalls { get; init; }
    public int EventsSent { get; init; }
    public int Acknowledged { get; init; }
    public int ReportedUnacknowledged { get; init; }
    public int ReportedNotSent { get; init; }
    public int UnacknowledgedButStored { get; init; }
    public int Requests { get; init; }
    public int Retries { get; init; }
    public int FaultsInjected { get; init; }
    public IReadOnlyDictionary<Fault, int> FaultCounts { get; init; } = new Dictionary<Fault, int>();
    public int StoredCopies { get; init; }
    public int LogicalEventsStored { get; init; }
    public int Lost { get; init; }
    public int LogicalDuplicates { get; init; }
    public int SeedConflicts { get; init; }
    public int BodyMismatches { get; init; }
    public int Connections { get; init; }
    public TimeSpan Elapsed { get; set; }
    public IReadOnlyList<string> Violations { get; init; } = Array.Empty<string>();

    /// <summary>Per fault kind: the calls that met it at least once, and what became of their events.</summary>
    public IReadOnlyList<FaultFigures> PerFault { get; init; } = Array.Empty<FaultFigures>();

    /// <summary>The per-fault figures as a Markdown table.</summary>
    public string PerFaultTable()
    {
        var text = new StringBuilder("| fault | injected | calls hit (failed) | their attempts | events acknowledged / reported | lost | logical duplicates |\n|---|---|---|---|---|---|---|\n");
        foreach (var f in PerFault)
        {
            text.Append($"| `{f.Fault}` | {f.Injected:N0} | {f.Calls:N0} ({f.FailedCalls:N0}) | {f.Attempts:N0} | {f.Acknowledged:N0} / {f.Reported:N0} | **{f.Lost}** | **{f.LogicalDuplicates}** |\n");
        }

        return text.ToString();
    }

    public override string ToString()
    {
        var text = new StringBuilder()
            .Append($"calls {Calls} (failed {FailedCalls}), events sent {EventsSent}: acknowledged {Acknowledged}, reported not acknowledged {ReportedUnacknowledged}")
            .Append($" (of which stored {UnacknowledgedButStored}), reported not sent {ReportedNotSent}; ")
            .Append($"requests {Requests} (retries {Retries}), faults injected {FaultsInjected}; stored copies {StoredCopies}, logical events stored {LogicalEventsStored}; ")
            .Append($"lost {Lost}, logical duplicates {LogicalDuplicates}, seed conflicts {SeedConflicts}, body mismatches {BodyMismatches}; ")
            .Append($"connections {Connections}; elapsed {Elapsed.TotalSeconds:0.0} s")
            .AppendLine()
            .Append("faults: ").Append(string.Join(", ", FaultCounts.Where(p => p.Key != Fault.None).OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));
        foreach (var violation in Violations.Take(20))
        {
            text.AppendLine().Append("VIOLATION: ").Append(violation);
        }

        return text.ToString();
    }
}

/// <summary>What became of the calls that met one fault kind at least once.</summary>
/// <param name="Fault">The fault kind.</param>
/// <param name="Injected">Requests that got it.</param>
/// <param name="Calls">Send calls with at least one request that got it.</param>
/// <param name="FailedCalls">Of those, the calls that threw.</param>
/// <param name="Attempts">Requests (attempts) the server saw from those calls.</param>
/// <param name="Acknowledged">Their events acknowledged with an id.</param>
/// <param name="Reported">Their events reported not acknowledged or not sent.</param>
/// <param name="Lost">Their events acknowledged but not stored, or not accounted for.</param>
/// <param name="LogicalDuplicates">Their events stored as two logical events.</param>
public sealed record FaultFigures(Fault Fault, int Injected, int Calls, int FailedCalls, int Attempts, int Acknowledged, int Reported, int Lost, int LogicalDuplicates);

/// <summary>
/// Records what every send call returned or threw, then checks it against what the fault server
/// saw and stored: no event lost, none stored as two logical events, none sent under two seeds,
/// every retry of a request byte-identical.
/// </summary>
public sealed class SendLedger
{
    private readonly ConcurrentQueue<(PlannedCall Call, IReadOnlyList<string>? Ids, Exception? Error)> _entries = new();

    public async Task SendAsync(IInngestClient client, PlannedCall call, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await client.SendAsync(call.Events, new InngestSendOptions { Env = call.Env }, cancellationToken).ConfigureAwait(false);
            _entries.Enqueue((call, result.Ids, null));
        }
        catch (Exception ex)
        {
            _entries.Enqueue((call, null, ex));
        }
    }

    public ReliabilityReport Verify(FaultServer server)
    {
        var violations = new List<string>();
        var requests = server.Requests;
        var stored = server.Stored;

        var storedByKey = stored.GroupBy(s => s.EventKey).ToDictionary(g => g.Key, g => g.ToList());
        var seedsByKey = new Dictionary<string, HashSet<string>>();
        var seenKeys = new HashSet<string>();
        foreach (var request in requests)
        {
            if (request.EventKeys is null)
            {
                continue;
            }

            foreach (var key in request.EventKeys)
            {
                seenKeys.Add(key);
                if (!seedsByKey.TryGetValue(key, out var seeds))
                {
                    seedsByKey[key] = seeds = new HashSet<string>();
                }

                seeds.Add(request.Seed ?? "(none)");
            }
        }

        // Every attempt under one seed carries the same body and the same env.
        var bodyMismatches = 0;
        foreach (var group in requests.Where(r => r.Seed is not null).GroupBy(r => r.Seed!))
        {
            var hashes = group.Where(r => r.BodyHash is not null).Select(r => r.BodyHash).Distinct().Count();
            var envs = group.Select(r => r.Env).Distinct().Count();
            if (hashes > 1 || envs > 1)
            {
                bodyMismatches++;
                violations.Add($"seed {group.Key}: {hashes} different bodies, {envs} different envs over {group.Count()} attempts");
            }
        }

        if (requests.Any(r => r.Seed is null))
        {
            violations.Add("a request arrived without an x-inngest-event-id-seed header");
        }

        var seedConflicts = 0;
        foreach (var (key, seeds) in seedsByKey)
        {
            if (seeds.Count > 1)
            {
                seedConflicts++;
                violations.Add($"event {key} was sent under {seeds.Count} seeds");
            }
        }

        var duplicates = 0;
        var duplicatedKeys = new HashSet<string>();
        foreach (var (key, copies) in storedByKey)
        {
            var logical = copies.Select(c => c.Id).Distinct().Count();
            if (logical > 1)
            {
                duplicates++;
                duplicatedKeys.Add(key);
                violations.Add($"event {key} is stored as {logical} logical events");
            }
        }

        bool StoredWithId(string key, string id) => storedByKey.TryGetValue(key, out var copies) && copies.Any(c => c.Id == id);

        int calls = 0, failed = 0, sent = 0, acked = 0, unacked = 0, notSent = 0, unackedStored = 0, lost = 0;
        var allKeys = new HashSet<string>();
        var perCall = new List<(PlannedCall Call, bool Failed, int Acked, int Reported, int Lost)>();
        foreach (var (call, ids, error) in _entries)
        {
            int lostBefore = lost, ackedBefore = acked, reportedBefore = unacked + notSent, failedBefore = failed;
            VerifyCall(call, ids, error);
            perCall.Add((call, failed > failedBefore, acked - ackedBefore, unacked + notSent - reportedBefore, lost - lostBefore));
        }

        void VerifyCall(PlannedCall call, IReadOnlyList<string>? ids, Exception? error)
        {
            calls++;
            sent += call.Keys.Count;
            foreach (var key in call.Keys)
            {
                if (!allKeys.Add(key))
                {
                    violations.Add($"test bug: key {key} planned twice");
                }
            }

            if (ids is not null)
            {
                if (ids.Count != call.Keys.Count)
                {
                    violations.Add($"{call.Env}: {ids.Count} ids for {call.Keys.Count} events");
                    lost += call.Keys.Count;
                    return;
                }

                for (var i = 0; i < ids.Count; i++)
                {
                    acked++;
                    if (!StoredWithId(call.Keys[i], ids[i]))
                    {
                        lost++;
                        violations.Add($"{call.Env}: event {call.Keys[i]} acknowledged with id {ids[i]}, but the server stored no such event");
                    }
                }

                return;
            }

            failed++;
            var outcome = error switch
            {
                InngestSendException send => send.Outcome,
                InngestSendCanceledException canceled => canceled.Outcome,
                _ => null,
            };
            if (outcome is null)
            {
                lost += call.Keys.Count;
                violations.Add($"{call.Env}: unexpected {error!.GetType().Name}: {error.Message}");
                return;
            }

            var accepted = outcome.AcceptedIds;
            var unack = outcome.UnacknowledgedEventIndexes;
            var skipped = outcome.NotSentEventIndexes;
            var expected = Enumerable.Range(0, call.Keys.Count);
            var reported = Enumerable.Range(0, accepted.Count).Concat(unack).Concat(skipped);
            if (outcome.TotalEvents != call.Keys.Count || !reported.SequenceEqual(expected))
            {
                lost += call.Keys.Count;
                violations.Add($"{call.Env}: the outcome does not account for every event once, in order (accepted {accepted.Count}, unacknowledged [{string.Join(",", unack)}], not sent [{string.Join(",", skipped)}], total {outcome.TotalEvents} of {call.Keys.Count})");
                return;
            }

            if (!error!.Message.Contains($"{accepted.Count} of {call.Keys.Count} event(s) accepted", StringComparison.Ordinal))
            {
                violations.Add($"{call.Env}: the message does not say how many events were accepted: {error.Message}");
            }

            for (var i = 0; i < accepted.Count; i++)
            {
                acked++;
                if (!StoredWithId(call.Keys[i], accepted[i]))
                {
                    lost++;
                    violations.Add($"{call.Env}: event {call.Keys[i]} reported accepted with id {accepted[i]}, but the server stored no such event");
                }
            }

            foreach (var index in unack)
            {
                unacked++;
                if (storedByKey.ContainsKey(call.Keys[index]))
                {
                    unackedStored++;
                }
            }

            foreach (var index in skipped)
            {
                notSent++;
                if (seenKeys.Contains(call.Keys[index]))
                {
                    violations.Add($"{call.Env}: event {call.Keys[index]} reported not sent, but the server received it");
                }
            }
        }

        if (server.ElsewhereRequests.Count > 0)
        {
            violations.Add($"the client followed a redirect: the other server received {server.ElsewhereRequests.Count} request(s)");
        }

        foreach (var key in storedByKey.Keys)
        {
            if (!allKeys.Contains(key))
            {
                violations.Add($"the server stored {key}, which no call sent");
            }
        }

        return new ReliabilityReport
        {
            Calls = calls,
            FailedCalls = failed,
            EventsSent = sent,
            Acknowledged = acked,
            ReportedUnacknowledged = unacked,
            ReportedNotSent = notSent,
            UnacknowledgedButStored = unackedStored,
            Requests = requests.Count,
            Retries = requests.Count(r => r.Attempt > 1),
            FaultsInjected = server.FaultsInjected,
            FaultCounts = server.FaultCounts,
            StoredCopies = stored.Count,
            LogicalEventsStored = stored.Select(s => s.Id + "|" + s.EventKey).Distinct().Count(),
            Lost = lost,
            LogicalDuplicates = duplicates,
            SeedConflicts = seedConflicts,
            BodyMismatches = bodyMismatches,
            Connections = server.ConnectionCount,
            Violations = violations,
            PerFault = PerFault(requests, perCall, duplicatedKeys),
        };
    }

    private static IReadOnlyList<FaultFigures> PerFault(IReadOnlyList<FaultRequest> requests, List<(PlannedCall Call, bool Failed, int Acked, int Reported, int Lost)> calls, HashSet<string> duplicatedKeys)
    {
        var byEnv = requests.Where(r => r.Env is not null).GroupBy(r => r.Env!).ToDictionary(g => g.Key, g => g.ToList());
        var figures = new List<FaultFigures>();
        foreach (var fault in FaultCatalog.All)
        {
            var hit = calls.Where(c => byEnv.TryGetValue(c.Call.Env, out var rs) && rs.Any(r => r.Fault == fault)).ToList();
            figures.Add(new FaultFigures(
                fault,
                requests.Count(r => r.Fault == fault),
                hit.Count,
                hit.Count(c => c.Failed),
                hit.Sum(c => byEnv[c.Call.Env].Count),
                hit.Sum(c => c.Acked),
                hit.Sum(c => c.Reported),
                hit.Sum(c => c.Lost),
                hit.Sum(c => c.Call.Keys.Count(duplicatedKeys.Contains))));
        }

        return figures;
    }
}
