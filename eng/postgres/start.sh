#!/usr/bin/env bash
# Starts a private PostgreSQL cluster for a test run: start.sh DIRECTORY PORT
#
# - Installs PostgreSQL from the Debian packages when no server binaries are found (needs root:
#   apt-get update && apt-get install -y postgresql).
# - initdb and pg_ctl refuse to run as root, so as root they run as the unprivileged "postgres" user the
#   Debian package creates (or "inngest-pg", created here, when that user is missing).
# - The cluster lives in DIRECTORY/data, listens on 127.0.0.1:PORT only (and a socket in DIRECTORY),
#   trusts local connections (user "postgres", no password) and is stopped and removed by stop.sh.
# Prints "ready postgres@127.0.0.1:PORT" when the server accepts connections.
set -euo pipefail
dir=${1:?usage: start.sh DIRECTORY PORT}
port=${2:?usage: start.sh DIRECTORY PORT}

find_bin() {
  local candidate
  candidate=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$candidate" && -x "$candidate/initdb" ]]; then echo "$candidate"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
}

bin=$(find_bin)
if [[ -z "$bin" ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "PostgreSQL is not installed and this is not root: install it with 'sudo apt-get install -y postgresql'" >&2
    exit 2
  fi
  echo "installing PostgreSQL from the Debian packages" >&2
  bash "$(dirname "$0")/../apt-install.sh" postgresql
  bin=$(find_bin)
  [[ -n "$bin" ]] || { echo "apt-get installed postgresql but no initdb was found under /usr/lib/postgresql" >&2; exit 2; }
fi

mkdir -p "$dir"
run_as=()
if [[ $(id -u) -eq 0 ]]; then
  user=postgres
  if ! id -u "$user" >/dev/null 2>&1; then
    user=inngest-pg
    id -u "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
  fi
  chown "$user" "$dir"
  chmod 700 "$dir"
  run_as=(runuser -u "$user" --)
fi

"${run_as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
# fsync off: the tests crash the application, never the database; it keeps a 2-core CI machine fast.
"${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >"$dir/pg_ctl.log" 2>&1 \
  || { cat "$dir/pg_ctl.log" "$dir/server.log" >&2 || true; exit 1; }
echo "$bin" > "$dir/bin-path"
echo "ready postgres@127.0.0.1:$port"
