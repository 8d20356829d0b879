#!/usr/bin/env bash
# Installs a real n8n into a cache folder outside the repo (reused between runs) and prints the path of a launcher that
# runs it on the Node.js it needs. Usage: scripts/install-n8n.sh [version]   (default 1.123.81, the newest tested 1.x)
#   Older n8n 1.x run on this machine's Node.js (20); late 1.x on Node 22 and n8n 2.x on Node 24, installed into the
#   cache by install-node.sh.
set -euo pipefail
version="${1:-${N8N_VERSION:-1.123.81}}"
cache="${EPCC_N8N_CACHE:-$HOME/.cache/n8n-nodes-elasticpath}"
dir="$cache/n8n-$version"
here="$(cd "$(dirname "$0")" && pwd)"

# The Node.js each n8n runs on here, as its Docker image has it: 24 for n8n 2.x; 22 for the late 1.x (1.100 on), whose
# expression engine loads isolated-vm, prebuilt for Node 22 and 24 only; this machine's Node 20 for older 1.x.
major="${version%%.*}"
minor="$(echo "$version" | cut -d. -f2)"
node_major=""
if [ "$major" -ge 2 ]; then node_major=24; elif [ "$minor" -ge 100 ]; then node_major=22; fi
node_home=""
if [ -n "$node_major" ]; then node_home="$("$here/install-node.sh" "$node_major")"; fi

# One install of a version at a time (the demo and the tests may start together).
mkdir -p "$cache" && exec 9>"$dir.lock" && flock 9

binding="$dir/node_modules/sqlite3/build/Release/node_sqlite3.node"
# .complete holds the Node.js major the native addons were built for: another one means installing again.
built_for="node-${node_major:-system}"
if ! { [ -x "$dir/node_modules/.bin/n8n" ] && [ -f "$binding" ] && [ "$(cat "$dir/.complete" 2>/dev/null)" = "$built_for" ]; }; then
	rm -rf "$dir" && mkdir -p "$dir"
	started=$SECONDS
	say() { echo "install-n8n.sh: $*" >&2; }
	say "installing n8n $version into $dir (first use only: npm downloads and unpacks about 2,300 packages, most of the time; then sqlite3's native module is built)"
	# A line every 30 s: how long it has run and what it is doing ($dir/.phase).
	# It keeps neither the lock nor stdout (which carries the launcher's path), and takes its sleep with it when stopped.
	(
		exec 9>&- >/dev/null
		trap 'kill $nap 2>/dev/null; exit 0' TERM
		while :; do
			sleep 30 & nap=$!
			wait $nap
			say "… n8n $version: $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s: $(cat "$dir/.phase" 2>/dev/null)"
		done
	) &
	ticker=$!
	trap 'kill $ticker 2>/dev/null || true' EXIT
	# n8n depends on xlsx through a tarball URL outside the npm registry; 0.18.5 is the same library from the registry.
	cat >"$dir/package.json" <<JSON
{ "name": "n8n-cache", "private": true, "dependencies": { "n8n": "$version" }, "overrides": { "xlsx": "0.18.5" } }
JSON
	# --ignore-scripts: native addons n8n does not need are not built (isolated-vm, in n8n 2.x and late 1.x, loads its prebuilt binary).
	# npm's own progress bar when a person watches (a terminal), none in logs.
	progress=false
	[ -t 2 ] && progress=true
	echo "npm resolves n8n's dependency tree and downloads it (nothing shows on disk until it unpacks, at the end)" >"$dir/.phase"
	(cd "$dir" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error --progress="$progress" >&2)
	say "npm install done after $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s; building sqlite3's native module"
	echo "building sqlite3's native module (compiled from source: its prebuilt binary is not on the npm registry)" >"$dir/.phase"
	# sqlite3 is n8n's default database and needs its native binding, which --ignore-scripts skipped. --ignore-scripts=false:
	# under `npm run`, npm hands the project's ignore-scripts=true down to this npm, which would then silently build nothing.
	# With a Node.js from the cache it is built by that Node against its headers (node-gyp would otherwise download them).
	if [ -n "$node_home" ]; then
		(cd "$dir" && PATH="$node_home/bin:$PATH" npm_config_nodedir="$node_home" npm rebuild sqlite3 --ignore-scripts=false --loglevel=error >&2)
	else
		(cd "$dir" && npm rebuild sqlite3 --ignore-scripts=false --loglevel=error >&2)
	fi
	[ -f "$binding" ] || { echo "install-n8n.sh: sqlite3's native binding was not built ($binding)" >&2; exit 1; }
	echo "$built_for" >"$dir/.complete"
	kill $ticker 2>/dev/null || true
	say "n8n $version installed in $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s"
fi

# The launcher puts the right Node.js first on PATH, so n8n and any process it starts (task runners) use it.
launcher="$dir/n8n"
cat >"$launcher.$$" <<SH
#!/usr/bin/env bash
${node_home:+export PATH="$node_home/bin:\$PATH"}
exec node "$dir/node_modules/n8n/bin/n8n" "\$@"
SH
chmod +x "$launcher.$$" && mv -f "$launcher.$$" "$launcher"
echo "$launcher"
