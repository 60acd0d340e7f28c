#!/usr/bin/env bash
# Stops the cluster start.sh made in DIRECTORY and removes DIRECTORY: stop.sh DIRECTORY
set -uo pipefail
dir=${1:?usage: stop.sh DIRECTORY}
[[ -d "$dir" ]] || exit 0
if [[ -f "$dir/bin-path" && -d "$dir/data" ]]; then
  bin=$(cat "$dir/bin-path")
  owner=$(stat -c %U "$dir/data")
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u "$owner" -- "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  else
    "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
fi
rm -rf "$dir"
