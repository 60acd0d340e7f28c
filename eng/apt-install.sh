#!/usr/bin/env bash
# Installs Debian packages for the test fixtures: apt-install.sh PACKAGE...
#
# The test projects run in parallel, so two fixtures (PostgreSQL for the outbox, PyNaCl for the Python interop) may
# install at once on a fresh machine: apt and dpkg allow one at a time, so the installs are serialized with one lock
# file, and each also waits for a dpkg lock held by anything else (unattended upgrades) instead of failing. Needs root.
set -euo pipefail
[[ $# -gt 0 ]] || { echo "usage: apt-install.sh PACKAGE..." >&2; exit 2; }
export DEBIAN_FRONTEND=noninteractive
exec 9>/tmp/inngest-typed-apt.lock
flock 9
apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$@" >&2
