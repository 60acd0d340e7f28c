#!/usr/bin/env bash
# Reproduces every table of docs/benchmarks.md.
#
#   benchmarks/run.sh           full run (about 20 minutes on 2 cores): all suites, results in benchmarks/artifacts/
#   benchmarks/run.sh --quick   smoke test + regression guard (about 1.5-3 minutes): every suite but AOT builds and runs
#                               once, and the serialization ratios are measured (CPU time, interleaved rounds, best of
#                               3 processes); exits non-zero if anything fails or a ratio falls under the guard's margin
#                               (BENCH_GUARD_MIN_RATIO, default 0.85, up to 3 more processes before failing; chosen in docs/benchmarks.md, section 7; BENCH_SKIP_NODE=1: no npm/Node)
#   benchmarks/run.sh --only serialization|receiving|e2e|cross|cpu|sendcost|guard|gencost|gencost-build|aot   one suite of the full run
#
# Needs the .NET 10 SDK; the Node comparison also needs node >= 20 and npm (the pinned inngest SDK is
# installed from benchmarks/node/package-lock.json), the AOT table needs the Native AOT prerequisites (clang).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
unset INNGEST_DEV INNGEST_BASE_URL INNGEST_EVENT_API_BASE_URL INNGEST_EVENT_KEY INNGEST_ENV || true

mode=full
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --only) only="$2"; shift ;;
    *) echo "unknown argument $1 (use --quick or --only SUITE)" >&2; exit 2 ;;
  esac
  shift
done

out="$repo/benchmarks/artifacts/$mode"
[ -n "$only" ] || rm -rf "$out"   # --only SUITE keeps the other suites' results
mkdir -p "$out"
project="$repo/benchmarks/Inngest.Benchmarks/Inngest.Benchmarks.csproj"
dll="$repo/benchmarks/Inngest.Benchmarks/bin/Release/net10.0/Inngest.Benchmarks.dll"
failed=0

step() { echo; echo "=== $* === ($(date -u +%H:%M:%S) UTC)"; }
run() {
  # run NAME COMMAND...: a failing suite is reported and makes the script fail at the end.
  local name="$1"; shift
  if ! "$@" 2>&1 | tee "$out/$name.log"; then
    echo "FAILED: $name (log: $out/$name.log)" >&2
    failed=1
  fi
}
want() { [ -z "$only" ] || [ "$only" = "$1" ]; }

step "build (Release)"
dotnet build "$project" -c Release -nologo -clp:NoSummary -v:q

node_ok=0
if [ "${BENCH_SKIP_NODE:-0}" = 1 ]; then
  echo "BENCH_SKIP_NODE=1: the Node column is skipped"
elif command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  if [ ! -d "$repo/benchmarks/node/node_modules/inngest" ] || [ "$repo/benchmarks/node/package-lock.json" -nt "$repo/benchmarks/node/node_modules/.package-lock.json" ]; then
    step "npm ci (pinned inngest SDK)"
    (cd "$repo/benchmarks/node" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error) && node_ok=1 || echo "npm ci failed: the Node column is skipped" >&2
  else
    node_ok=1
  fi
else
  echo "node/npm not found: the Node column is skipped" >&2
fi
node_flag=(); [ "$node_ok" = 1 ] || node_flag=(--no-node)

if [ "$mode" = quick ]; then
  step "serialization + end-to-end suites, BenchmarkDotNet dry job in process (one invocation each)"
  run bdn dotnet "$dll" bdn --filter '*' --job dry --inProcess --artifacts "$out/bdn" --exporters github
  step "cross-language end to end, 1 operation each"
  run cross dotnet "$dll" e2e --warmup 0 --iterations 1 --out "$out" "${node_flag[@]}"
  step "regression guard: serialization ratios, CPU time, best of 3 processes"
  run guard dotnet "$dll" guard --processes 3 --rounds 60 --min-ratio "${BENCH_GUARD_MIN_RATIO:-0.85}"
  step "the client's own cost per request, canned handler, 3 rounds"
  run sendcost dotnet "$dll" sendcost --rounds 3
  step "generator cost, 20 records, 1 round"
  run gencost dotnet "$dll" gencost --records 20 --rounds 1 --out "$out"
else
  if want serialization; then
    step "serialization (BenchmarkDotNet)"
    run serialization dotnet "$dll" bdn --filter '*SerializationBenchmarks*' --warmupCount 4 --iterationCount 15 --artifacts "$out/bdn" --exporters github
  fi
  if want receiving; then
    step "receiving: parsing received events (BenchmarkDotNet)"
    run receiving dotnet "$dll" bdn --filter '*ReceivingBenchmarks*' --warmupCount 4 --iterationCount 15 --artifacts "$out/bdn" --exporters github
    run receiving-cpu dotnet "$dll" receiving-cpu 30
  fi
  if want e2e; then
    step "end to end, library vs raw HttpClient (BenchmarkDotNet)"
    run e2e dotnet "$dll" bdn --filter '*EndToEndBenchmarks*' --warmupCount 2 --iterationCount 10 --invocationCount 1 --unrollFactor 1 --artifacts "$out/bdn" --exporters github
  fi
  if want cross; then
    step "end to end, library vs raw HttpClient vs inngest npm SDK"
    run cross dotnet "$dll" e2e --warmup 3 --iterations 15 --out "$out" "${node_flag[@]}"
  fi
  if want cpu; then
    step "serialization, thread CPU time side check"
    run cpu dotnet "$dll" quickcompare 200
  fi
  if want sendcost; then
    step "the client's own cost per request, canned handler (CPU time, bytes allocated)"
    run sendcost dotnet "$dll" sendcost --rounds 30
  fi
  if want guard; then
    step "regression guard (as --quick runs it, with more processes)"
    run guard dotnet "$dll" guard --processes 6 --rounds 60 --min-ratio "${BENCH_GUARD_MIN_RATIO:-0.85}"
  fi
  if want gencost; then
    step "generator cost (GeneratorDriver)"
    run gencost dotnet "$dll" gencost --records 500 --rounds 5 --out "$out"
  fi
  if want gencost-build; then
    step "generator cost (dotnet build -p:ReportAnalyzer=true)"
    run gencost-build dotnet "$dll" gencost-build --records 500 --out "$out"
  fi
  if want aot; then
    step "Native AOT vs JIT (samples/AotApp)"
    run aot dotnet "$dll" aot --runs 10 --out "$out"
  fi
fi

echo
if [ "$failed" -ne 0 ]; then
  echo "benchmarks/run.sh ($mode): FAILED; logs and results in $out" >&2
  exit 1
fi
echo "benchmarks/run.sh ($mode): done; results in $out (BenchmarkDotNet tables in $out/bdn/results)"
