#!/usr/bin/env bash
# Load test of `wirewatch serve` with wrk, on loopback only: the related
# widget (/api/articles/{seq}/related?k=4) and article reads
# (/api/articles/{seq}), each request for a random article of the archive.
# The archive is Reuters-21578 (about 20,600 analysed articles) when
# ../shared/data/corpora is present, else the 8 bundled examples.
#   bench/serve_load.sh [BUILD_DIR] [SECONDS] [CONNECTIONS]
# $SERVE_ARGS adds flags to `wirewatch serve` (e.g. "--rate-limit-loopback
# --rate-limit 1000000" to measure the rate limiter's own cost).
# The server's resident memory (VmRSS) is read before and after each run.
# Server and wrk share the machine's cores; the figures are for that setup.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
SECONDS_PER_RUN=${2:-10}
CONNS=${3:-16}
BIN=$BUILD/wirewatch
command -v wrk >/dev/null || { echo "skipped: wrk is not installed"; exit 0; }
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -d ../shared/data/corpora ]; then
  python3 bench/corpora_to_jsonl.py "$WORK" >/dev/null
  CORPUS="Reuters-21578"
  "$BIN" ingest -q --db "$WORK/a.db" "$WORK/reuters.jsonl" >/dev/null 2>&1 || true
else
  CORPUS="examples/"
  "$BIN" ingest -q --db "$WORK/a.db" examples >/dev/null
fi

# shellcheck disable=SC2086  # SERVE_ARGS is a list of flags
"$BIN" serve --db "$WORK/a.db" --port 0 --bind 127.0.0.1 --threads "$CONNS" \
  ${SERVE_ARGS:-} >"$WORK/serve.out" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do
  grep -q "http://127.0.0.1:" "$WORK/serve.out" 2>/dev/null && break
  sleep 0.1
done
PORT=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$WORK/serve.out")
N=$(sed -n 's|.*(\([0-9]*\) articles).*|\1|p' "$WORK/serve.out")
[ -n "$PORT" ] || { cat "$WORK/serve.out"; exit 1; }

# wrk picks a random seq in 1..N for every request.
lua() {  # suffix
  cat <<LUA
math.randomseed(42)
request = function()
  return wrk.format("GET", "/api/articles/" .. math.random(1, $N) .. "$1")
end
LUA
}
lua "/related?k=4" >"$WORK/related.lua"
lua "" >"$WORK/article.lua"

echo "corpus: $CORPUS ($N articles), $(nproc) cores, wrk -t2 -c$CONNS -d${SECONDS_PER_RUN}s, server --threads $CONNS"
echo
rss() { awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$SERVER_PID/status"; }
echo "| endpoint | requests/s | p50 ms | p90 ms | p99 ms | errors | RSS start MB | RSS end MB |"
echo "|---|---|---|---|---|---|---|---|"
for e in related article; do
  rss_start=$(rss)
  out=$(wrk -t2 -c"$CONNS" -d"${SECONDS_PER_RUN}s" --latency -s "$WORK/$e.lua" \
        "http://127.0.0.1:$PORT")
  rps=$(echo "$out" | sed -n 's/^Requests\/sec: *//p')
  ms() {  # percentile line -> milliseconds
    echo "$out" | awk -v p="$1" '$1 == p {
      v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 }
      else if (v ~ /ms$/) { sub(/ms/, "", v) } else { sub(/s/, "", v); v *= 1000 }
      printf "%.2f", v }'
  }
  errs=$(echo "$out" | sed -n 's/.*Non-2xx or 3xx responses: *//p')
  sock=$(echo "$out" | sed -n 's/.*Socket errors: *//p')
  label=$([ "$e" = related ] && echo "/api/articles/{seq}/related?k=4" || echo "/api/articles/{seq}")
  echo "| \`$label\` | $rps | $(ms 50%) | $(ms 90%) | $(ms 99%) | ${errs:-0}${sock:+; $sock} | $rss_start | $(rss) |"
done
