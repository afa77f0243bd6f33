# Sourced by the benchmarks that run our ./run-local serve and localstripe side by side (peer, suite,
# webhooks). Each caller sets home (the project), work (a scratch directory), pids=() (what its
# cleanup stops) and bench (its name, for messages) before sourcing this.
py=/usr/bin/python3   # Debian's, which python3-aiohttp installs into
theirs_key=sk_test_bench   # localstripe takes any test key

free_port() { $py -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# localstripe_checkout DIR: a localstripe checkout, or the bare repository the search tool's fetch
# brings (its newest commit's files are taken into $work; nothing of localstripe is kept); sets
# peer (the checkout) and version
localstripe_checkout() {
  peer="$1"
  $py -c "import aiohttp, dateutil" 2>/dev/null || { echo "bench/run $bench: localstripe needs python3-aiohttp and python3-dateutil (apt-get install python3-aiohttp python3-dateutil)" >&2; exit 2; }
  if [ -f "$peer/HEAD" ] && [ -d "$peer/objects" ]; then
    mkdir -p "$work/localstripe-checkout"
    git --git-dir="$peer" archive HEAD | tar -x -C "$work/localstripe-checkout"
    version=$(git --git-dir="$peer" describe --tags --always 2>/dev/null || echo '?')
    peer="$work/localstripe-checkout"
  else
    version=$(git -C "$peer" describe --tags --always 2>/dev/null || echo '?')
  fi
  [ -f "$peer/localstripe/server.py" ] || { echo "bench/run $bench: no localstripe checkout in $1" >&2; exit 2; }
}

# start_theirs NAME [access-log]: localstripe on a free loopback port, as its own start() runs it
# (with its access log when the second argument is "access-log"); sets theirs (its URL) and
# ready_theirs (ms from launch to its first answer)
start_theirs() {
  local port log="$work/localstripe-$1.log" started access=None
  [ "${2:-}" = access-log ] && access=logger
  port=$(free_port)
  started=$(date +%s%N)
  # exec: the subshell becomes localstripe, so that cleanup stops it rather than only the subshell
  (cd "$work" && PYTHONPATH="$peer" exec $py -c "
import logging, sys
from aiohttp import web
from localstripe.server import app
logger = logging.getLogger('aiohttp.access'); logger.setLevel(logging.DEBUG); logger.addHandler(logging.StreamHandler())
web.run_app(app, host='127.0.0.1', port=int(sys.argv[1]), access_log=$access)
" "$port" >"$log" 2>&1) &
  pids+=($!)
  theirs="http://127.0.0.1:$port"
  for _ in $(seq 1 1500); do curl -s -o /dev/null "$theirs/v1/coupons" -H "Authorization: Bearer $theirs_key" && break; sleep 0.02; done
  ready_theirs=$(( ($(date +%s%N) - started) / 1000000 ))
}

# start_ours NAME: ./run-local serve, in memory, on free ports; sets ours (its URL), key, ready_ours
# (ms from launch to its banner) and archive_ours ("with" when it mapped run-local's class archive)
# SERVE_FLAGS: more options for serve, e.g. SERVE_FLAGS=--no-read-cache for the engine answering every read
start_ours() {
  local log="$work/serve-$1.log" started
  started=$(date +%s%N)
  "$home/run-local" serve --in-memory --port 0 --dynamodb-port 0 ${SERVE_FLAGS:-} >"$log" 2>"$work/serve-$1.err" &
  pids+=($!)
  for _ in $(seq 1 6000); do grep -q '^Test key' "$log" && break; sleep 0.02; done
  ready_ours=$(( ($(date +%s%N) - started) / 1000000 ))
  # run-local execs the JVM: the pid is the JVM's, which maps the class archive when it has one
  archive_ours=$(grep -q '/class-archive/' "/proc/${pids[-1]}/maps" 2>/dev/null && echo "with" || echo "without")
  ours=$(awk '/^Coupons API/ {print $3}' "$log")
  key=$(awk '/^Test key/ {print $3}' "$log")
  [ -n "$ours" ] || { cat "$log" "$work/serve-$1.err" >&2; echo "bench/run $bench: serve did not start" >&2; exit 1; }
}

# stop_servers: stops every server started so far
stop_servers() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pids=()
}
