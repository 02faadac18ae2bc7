#!/usr/bin/env bash
# Runs the web UI's browser tests: builds the UI (web/dist), ingests the
# bundled examples into a fresh archive, starts `wirewatch serve` on a free
# loopback port, runs web/tests with playwright-core driving the system
# Chromium, and stops the server whatever happens. Screenshots are written
# to build/ui-artifacts/ (not committed).
#   scripts/ui_test.sh            (after scripts/setup.sh --deps and a build)
# Environment: WIREWATCH_BIN (default build/wirewatch), CHROMIUM (default
# /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${WIREWATCH_BIN:-build/wirewatch}
ARTIFACTS=${WIREWATCH_UI_ARTIFACTS:-$PWD/build/ui-artifacts}
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
[ -x "$BIN" ] || { echo "ui_test: no $BIN; build first (scripts/setup.sh --build)" >&2; exit 1; }
[ -x "$CHROMIUM" ] || { echo "ui_test: no Chromium at $CHROMIUM; run scripts/setup.sh --deps" >&2; exit 1; }
command -v npm >/dev/null || { echo "ui_test: no npm; run scripts/setup.sh --deps" >&2; exit 1; }

echo "== web UI: build"
(cd web && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run --silent build)

work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

status=0
"$BIN" ingest examples --db "$work/ui.db" >"$work/ingest.log" 2>&1 || status=$?
# 2 = some inputs failed (the examples hold none); anything else is fatal.
[ $status -le 2 ] || { cat "$work/ingest.log" >&2; exit $status; }

"$BIN" serve --db "$work/ui.db" --port 0 --web web/dist >"$work/serve.log" 2>&1 &
server=$!
url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/serve.log" | head -1 || true)
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "ui_test: the server did not start:" >&2
  cat "$work/serve.log" >&2
  exit 1
fi
grep -q "web UI from" "$work/serve.log" || { cat "$work/serve.log" >&2; exit 1; }
echo "== web UI: browser tests against $url (screenshots in $ARTIFACTS)"
mkdir -p "$ARTIFACTS"
WIREWATCH_URL="$url" WIREWATCH_UI_ARTIFACTS="$ARTIFACTS" node --test web/tests/ui.test.mjs
