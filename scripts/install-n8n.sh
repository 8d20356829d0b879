#!/usr/bin/env bash
# Installs a real n8n into a cache folder outside the repo (reused between runs) and prints its bin path.
# Usage: scripts/install-n8n.sh [version]   (default 1.123.50, the n8n 1.x line on Node 20)
set -euo pipefail
version="${1:-${N8N_VERSION:-1.123.50}}"
cache="${EPCC_N8N_CACHE:-$HOME/.cache/n8n-nodes-elasticpath}"
dir="$cache/n8n-$version"
bin="$dir/node_modules/.bin/n8n"
if [ -x "$bin" ] && [ -f "$dir/.complete" ]; then echo "$bin"; exit 0; fi
rm -rf "$dir" && mkdir -p "$dir"
# n8n depends on xlsx through a tarball URL outside the npm registry; 0.18.5 is the same library from the registry.
cat >"$dir/package.json" <<JSON
{ "name": "n8n-cache", "private": true, "dependencies": { "n8n": "$version" }, "overrides": { "xlsx": "0.18.5" } }
JSON
# --ignore-scripts: a native addon (isolated-vm) in later lines needs Node 22 and is not needed to run workflows.
(cd "$dir" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
# sqlite3 is n8n's default database and needs its native binding, which --ignore-scripts skipped.
(cd "$dir" && npm rebuild sqlite3 --loglevel=error >&2)
touch "$dir/.complete"
echo "$bin"
