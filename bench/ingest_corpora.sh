#!/usr/bin/env bash
# Ingest throughput and peak memory, end to end into SQLite, on the real
# corpora in ../shared/data (skipped when absent):
#   (a) Reuters-21578 and BBC as JSON Lines (text articles), and BBC as 2,225
#       scraped-text files;
#   (b) the 990 HTML pages of the extraction dev set (.html.gz).
# Each corpus runs with one thread (-j 1: everything inline on one core) and
# with all cores (-j 0), into a fresh archive. Prints a Markdown table.
#   bench/ingest_corpora.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
BIN=$BUILD/wirewatch
DATA=../shared/data
if [ ! -d "$DATA/corpora" ]; then
  echo "skipped: $DATA/corpora is absent"; exit 0
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 bench/corpora_to_jsonl.py "$WORK" >/dev/null

run() {  # name threads paths...
  local name=$1 threads=$2; shift 2
  rm -f "$WORK/a.db"*
  local t0 t1 out rss
  t0=$(date +%s.%N)
  out=$( { /usr/bin/time -f "RSS %M" "$BIN" ingest -q -j "$threads" --db "$WORK/a.db" "$@" ; } 2>&1 || true)
  t1=$(date +%s.%N)
  rss=$(echo "$out" | sed -n 's/^RSS \([0-9]*\)/\1/p')
  local docs stored failed
  docs=$(echo "$out" | sed -n 's/^ingested \([0-9]*\) documents.*/\1/p')
  stored=$(echo "$out" | sed -n 's/.*: \([0-9]*\) stored.*/\1/p')
  failed=$(echo "$out" | sed -n 's/.* \([0-9]*\) failed;.*/\1/p')
  local secs rate
  secs=$(echo "$t1 - $t0" | bc -l)
  rate=$(echo "$docs / $secs" | bc -l)
  printf "| %s | %s | %s | %s | %s | %.2f | %.0f | %.0f |\n" "$name" \
    "$([ "$threads" = 1 ] && echo 1 || echo "all ($(nproc))")" "$docs" "$stored" "$failed" \
    "$secs" "$rate" "$((rss / 1024))"
}

echo "| corpus | threads | docs | stored | failed | wall s | docs/s | peak RSS MB |"
echo "|---|---|---|---|---|---|---|---|"
for j in 1 0; do
  run "Reuters-21578 (JSONL)" $j "$WORK/reuters.jsonl"
  run "BBC (JSONL)" $j "$WORK/bbc.jsonl"
  run "BBC (2,225 .txt files)" $j "$DATA/corpora/bbc/bbc"
  run "990 HTML pages (.html.gz)" $j "$DATA/extraction/trafilatura-eval/html"
done
