#!/usr/bin/env bash
# Redis and PostgreSQL for n8n's queue mode (npm run test:queue), from Debian's packages, on free
# loopback ports in a throw-away folder.
#   queue-services.sh start      installs what is missing (apt-get; needs root), starts both and
#                                prints DIR=…, REDIS_PORT=…, PG_PORT=… (database and user: n8n, trust auth)
#   queue-services.sh stop DIR   stops both and removes DIR
#   queue-services.sh redis-stop DIR / redis-start DIR   stops Redis, or starts it again on its port
# PostgreSQL refuses to run as root: initdb and pg_ctl run as the Debian package's postgres user.
set -euo pipefail
cmd="${1:-start}"
# Root here; through sudo on a CI runner that is not root.
as_root=()
[ "$(id -u)" = 0 ] || as_root=(sudo)

# Redis alone, stopped and started again on its port (what a Redis outage does to n8n's queue).
if [ "$cmd" = redis-stop ] || [ "$cmd" = redis-start ]; then
	dir="${2:?usage: queue-services.sh redis-stop|redis-start DIR}"
	if [ "$cmd" = redis-stop ]; then
		pid="$(cat "$dir/redis.pid" 2>/dev/null || true)"
		if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; fi
	else
		redis-server --port "$(cat "$dir/redis.port")" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
			--pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --dir "$dir"
	fi
	exit 0
fi

if [ "$cmd" = stop ]; then
	dir="${2:?usage: queue-services.sh stop DIR}"
	if [ -f "$dir/redis.pid" ]; then kill "$(cat "$dir/redis.pid")" 2>/dev/null || true; fi
	if [ -d "$dir/pg" ]; then "${as_root[@]}" runuser -u postgres -- "$(cat "$dir/pgbin")/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null 2>&1 || true; fi
	"${as_root[@]}" rm -rf "$dir"
	exit 0
fi
[ "$cmd" = start ] || { echo "usage: queue-services.sh start | stop DIR | redis-stop DIR | redis-start DIR" >&2; exit 2; }

need=()
command -v redis-server >/dev/null || need+=(redis-server)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
	apt() { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q "$@" >&2; }
	apt install -y "${need[@]}" || { apt update && apt install -y "${need[@]}"; }
fi
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"

free_port() { node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
dir="$(mktemp -d /tmp/epcc-queue-XXXXXX)"
chmod 755 "$dir"
echo "$pgbin" >"$dir/pgbin"
redis_port="$(free_port)"
pg_port="$(free_port)"
echo "$redis_port" >"$dir/redis.port"

redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
	--pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --dir "$dir"
mkdir -p "$dir/pg"
"${as_root[@]}" chown postgres "$dir/pg"
"${as_root[@]}" runuser -u postgres -- "$pgbin/initdb" -D "$dir/pg" -U n8n --auth=trust >"$dir/initdb.log" 2>&1
"${as_root[@]}" runuser -u postgres -- "$pgbin/pg_ctl" -D "$dir/pg" -l "$dir/pg/server.log" -w \
	-o "-p $pg_port -h 127.0.0.1 -k $dir/pg" start >/dev/null
"${as_root[@]}" runuser -u postgres -- "$pgbin/createdb" -h 127.0.0.1 -p "$pg_port" -U n8n n8n

echo "DIR=$dir"
echo "REDIS_PORT=$redis_port"
echo "PG_PORT=$pg_port"
