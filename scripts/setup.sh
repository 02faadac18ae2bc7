#!/usr/bin/env bash
# Sets Wirewatch up on a Debian bookworm machine and runs the main job:
# installs the Debian packages the build needs (Chromium and Node.js for the
# web UI included), installs the web UI's npm packages and builds it, builds
# Release, ingests the bundled examples into ./wirewatch.db, prints a summary
# and serves the archive with its web UI, printing the URL.
#   scripts/setup.sh             install + build + ingest the examples + serve
#   scripts/setup.sh --no-serve  the same, without starting the server
#   scripts/setup.sh --deps      install the packages (Debian and npm) and
#                                build the web UI only
#   scripts/setup.sh --build     install + build, no ingest
# The server listens on 127.0.0.1:${WIREWATCH_PORT:-8080}; Ctrl-C stops it.
# Idempotent and non-interactive; run as root or with sudo available.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ninja-build pkg-config git python3
  libsqlite3-dev libicu-dev zlib1g-dev libgumbo-dev libmodest-dev
  libsimdjson-dev libcli11-dev libfmt-dev libxxhash-dev libcpp-httplib-dev
  libcld2-dev libgtest-dev libgmock-dev libbenchmark-dev
  chromium fonts-dejavu-core
)
# The web UI is built with npm; Debian's nodejs (18) is enough, a newer
# Node.js already on the machine is kept.
command -v node >/dev/null || PACKAGES+=(nodejs)
command -v npm >/dev/null || PACKAGES+=(npm)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all build packages present"
fi

# The web UI: npm packages from package-lock.json (npm registry only), then
# the bundle in web/dist that `wirewatch serve` serves.
if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  echo "setup: installing the web UI's npm packages (web/)"
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "setup: building the web UI (web/dist)"
(cd web && npm run --silent build >/dev/null)
[ "${1:-}" = "--deps" ] && exit 0

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DWIREWATCH_BUILD_TESTS=ON >/dev/null
cmake --build build --target wirewatch
[ "${1:-}" = "--build" ] && exit 0

echo
echo "setup: ingesting the bundled examples (examples/) into wirewatch.db"
status=0
build/wirewatch ingest examples --db wirewatch.db || status=$?
[ $status -le 2 ] || exit $status
echo
build/wirewatch list --db wirewatch.db
echo
build/wirewatch entities --top 8 --db wirewatch.db
echo
build/wirewatch claims --subject militant --db wirewatch.db
echo
echo "Try: build/wirewatch show 2 --db wirewatch.db          (one article with its analysis)"
echo "     build/wirewatch related 2 --db wirewatch.db       (related articles, widget shape)"
echo "     build/wirewatch search 'chemical weapons' --db wirewatch.db"
echo "     build/wirewatch export --format jsonl --db wirewatch.db"
[ "${1:-}" = "--no-serve" ] && exit 0
echo
echo "setup: serving the archive and the web UI; open the URL below (Ctrl-C stops)"
exec build/wirewatch serve --db wirewatch.db --port "${WIREWATCH_PORT:-8080}"
