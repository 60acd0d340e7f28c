#!/usr/bin/env bash
# Rewrites the public API baselines (PublicAPI.Unshipped.txt) of every package from the code as it is.
# The build fails (RS0016/RS0017, warnings as errors) whenever the public surface differs from the
# baseline; run this only after deciding that the difference is intended, and review the diff it makes.
set -euo pipefail
cd "$(dirname "$0")/.."
for baseline in $(git ls-files 'src/*/PublicAPI.Unshipped.txt'); do
  project_dir=$(dirname "$baseline")
  project=$(ls "$project_dir"/*.csproj)
  echo '#nullable enable' > "$baseline"
  dotnet format analyzers "$project" --diagnostics RS0016 RS0037 --severity info --verbosity quiet
  # Stable order, so a change shows as the lines it adds or removes.
  { head -n 1 "$baseline"; tail -n +2 "$baseline" | LC_ALL=C sort -u; } > "$baseline.tmp" && mv "$baseline.tmp" "$baseline"
  echo "$baseline: $(($(wc -l < "$baseline") - 1)) entries"
done
