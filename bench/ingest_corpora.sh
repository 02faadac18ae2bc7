#!/usr/bin/env bash
# Ingest throughput and peak memory, end to end into SQLite (read, decode,
# extract, analyse, store), on the real corpora in ../shared/data (skipped
# when absent):
#   (a) Reuters-21578 and BBC as JSON Lines (text articles), and BBC as 2,225
#       scraped-text files;
#   (b) the 990 HTML pages of the extraction dev set (.html.gz).
# Each corpus runs with one thread (-j 1: everything inline on one core) and
# with all cores (-j 0), into a fresh archive, with and without the analyze
# stage. Prints a Markdown table: wall-clock docs/s, and docs per CPU-second
# (user + sys), which is the per-core figure even on a busy machine.
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

run() {  # name threads analyze(yes|no) paths...
  local name=$1 threads=$2 analyze=$3; shift 3
  rm -f "$WORK/a.db"*
  local flags=(-q -j "$threads" --db "$WORK/a.db")
  [ "$analyze" = no ] && flags+=(--no-analyze)
  local out
  out=$( { /usr/bin/time -f "TIME %e %U %S %M" "$BIN" ingest "${flags[@]}" "$@" ; } 2>&1 || true)
  local wall user sys rss docs stored failed
  read -r wall user sys rss <<<"$(echo "$out" | sed -n 's/^TIME //p')"
  docs=$(echo "$out" | sed -n 's/^ingested \([0-9]*\) documents.*/\1/p')
  stored=$(echo "$out" | sed -n 's/.*: \([0-9]*\) stored.*/\1/p')
  failed=$(echo "$out" | sed -n 's/.* \([0-9]*\) failed;.*/\1/p')
  printf "| %s | %s | %s | %s | %s | %s | %.2f | %.0f | %.0f | %.0f |\n" "$name" \
    "$([ "$threads" = 1 ] && echo 1 || echo "all ($(nproc))")" "$analyze" \
    "$docs" "$stored" "$failed" "$wall" \
    "$(echo "$docs / $wall" | bc -l)" \
    "$(echo "$docs / ($user + $sys)" | bc -l)" "$((rss / 1024))"
}

echo "| corpus | threads | analyze | docs | stored | failed | wall s | docs/s (wall) | docs per CPU-s | peak RSS MB |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for analyze in no yes; do
  for j in 1 0; do
    run "Reuters-21578 (JSONL)" $j $analyze "$WORK/reuters.jsonl"
    run "BBC (JSONL)" $j $analyze "$WORK/bbc.jsonl"
    run "BBC (2,225 .txt files)" $j $analyze "$DATA/corpora/bbc/bbc"
    run "990 HTML pages (.html.gz)" $j $analyze "$DATA/extraction/trafilatura-eval/html"
  done
done
