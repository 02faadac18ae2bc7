#!/usr/bin/env bash
# Mozilla Readability on linkedom, the JavaScript peer of the extractor,
# run on the trafilatura dev set on one core and written as JSON Lines that
# `wirewatch eval extraction --outputs` scores with our scorer.
#
#   bench/peers/readability.sh [DATASET] [OUT.jsonl] [SCRATCH]
#   build/wirewatch eval extraction --dataset DATASET --outputs OUT.jsonl
#   build/wirewatch eval extraction --dataset DATASET --threads 1   # ours
#
# DATASET defaults to ../shared/data/extraction/trafilatura-eval, OUT to
# /tmp/ww-readability/readability.jsonl. The npm packages are installed
# into SCRATCH (default /tmp/ww-readability), never into the project: the
# peer is not needed to build or test Wirewatch. Pinned versions:
# @mozilla/readability 0.6.0, linkedom 0.18.x. Node 20 (Debian nodejs).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dataset="${1:-$here/../../../shared/data/extraction/trafilatura-eval}"
scratch="${3:-/tmp/ww-readability}"
out="${2:-$scratch/readability.jsonl}"
mkdir -p "$scratch"
if [ ! -d "$scratch/node_modules/@mozilla/readability" ] || [ ! -d "$scratch/node_modules/linkedom" ]; then
  (cd "$scratch" && { [ -f package.json ] || npm init -y >/dev/null; } &&
    npm install --no-audit --no-fund @mozilla/readability@0.6.0 linkedom@^0.18 >/dev/null)
fi
# One core, as for `eval extraction --threads 1`.
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
"${pin[@]}" node "$here/readability_peer.js" "$dataset" "$out" "$scratch"
