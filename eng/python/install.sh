#!/usr/bin/env bash
# Finds (or installs) a Python 3 with PyNaCl for the Python interop tests: install.sh
#
# - PyPI is not reachable here, so PyNaCl comes from the Debian package python3-nacl, which installs for
#   Debian's own /usr/bin/python3 (a python3 earlier on PATH, e.g. pyenv's, may not see it).
# - Tries $INNGEST_TEST_PYTHON, /usr/bin/python3 and the python3 on PATH; when none imports nacl, installs
#   python3 and python3-nacl with apt-get (needs root: apt-get update && apt-get install -y python3 python3-nacl).
# Prints "ready <interpreter> PyNaCl <version>" as its last line.
set -euo pipefail

probe() {
  local candidate=$1
  [[ -n "$candidate" ]] || return 1
  command -v "$candidate" >/dev/null 2>&1 || return 1
  "$candidate" -c 'import nacl, nacl.secret, nacl.hash; print(nacl.__version__)' 2>/dev/null
}

find_python() {
  local candidate version
  for candidate in "${INNGEST_TEST_PYTHON:-}" /usr/bin/python3 "$(command -v python3 || true)"; do
    if version=$(probe "$candidate"); then
      echo "$(command -v "$candidate") $version"
      return 0
    fi
  done
  return 1
}

if ! found=$(find_python); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "No Python 3 with PyNaCl was found and this is not root: install it with 'sudo apt-get install -y python3 python3-nacl'" >&2
    exit 2
  fi
  echo "installing python3 and python3-nacl from the Debian packages" >&2
  bash "$(dirname "$0")/../apt-install.sh" python3 python3-nacl
  found=$(find_python) || { echo "apt-get installed python3-nacl but no python3 imports nacl (tried ${INNGEST_TEST_PYTHON:-} /usr/bin/python3 and python3 on PATH)" >&2; exit 2; }
fi

set -- $found
echo "ready $1 PyNaCl $2"
