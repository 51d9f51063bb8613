#!/usr/bin/env bash
# strace ingest benchmark. Generates (once, cached) a combined strace log of
# at least STRACE_BENCH_MB (default 520) MB by replicating real `strace -f -tt
# -T -yy` output made here, imports it with strace_bench (Casebook's importer:
# raw log stored verbatim + SHA-256 + parsed rows), then loads the very same
# rows from CSV with the sqlite3 shell's .import (SQLite's own bulk path) into
# the same table, and prints both times and the ratio.
set -euo pipefail
DIR="${CASEBOOK_BENCH_DIR:-/tmp/casebook-bench}"
MB="${STRACE_BENCH_MB:-520}"
BIN="${CASEBOOK_BIN_DIR:-$(dirname "$(command -v strace_bench || echo .)")}"
mkdir -p "$DIR"
LOG="$DIR/strace-combined-${MB}MB.log"

command -v strace >/dev/null || { echo "strace_bench: strace not installed" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "strace_bench: sqlite3 shell not installed" >&2; exit 1; }

if [ ! -s "$LOG" ]; then
    echo "generating $LOG from real strace output..."
    base="$DIR/base.log"
    strace -f -tt -T -yy -o "$base" sh -c \
        'for i in $(seq 200); do ls -la /usr/lib >/dev/null; cat /etc/services /etc/passwd >/dev/null; sh -c "true & wait"; done'
    : > "$LOG.tmp"
    target=$((MB * 1000000))
    while [ "$(stat -c %s "$LOG.tmp")" -lt "$target" ]; do cat "$base" >> "$LOG.tmp"; done
    mv "$LOG.tmp" "$LOG"
fi
size=$(stat -c %s "$LOG")
echo "trace: $LOG ($((size / 1000000)) MB, $(wc -l < "$LOG") lines)"

CASE="$DIR/bench.casebook"
rm -f "$CASE" "$CASE-wal" "$CASE-shm"
ours=$("$BIN/strace_bench" "$CASE" "$LOG")
echo "$ours" | grep -v '^RESULT'
ours_s=$(echo "$ours" | sed -n 's/^RESULT seconds=\([0-9.]*\).*/\1/p')
calls=$(echo "$ours" | sed -n 's/.* calls=\([0-9]*\).*/\1/p')
ingest_s=$(echo "$ours" | sed -n 's/.* ingest=\([0-9.]*\).*/\1/p')
hwm=$(echo "$ours" | sed -n 's/.*vmhwm_kb=\([0-9]*\).*/\1/p')

# The same rows as CSV, loaded into the same table with the same indexes
# (not STRICT only because .import writes '' for NULL).
CSV="$DIR/strace-rows.csv"
sqlite3 -csv "$CASE" "SELECT * FROM strace_calls" > "$CSV"
ROWS_DB="$DIR/import.db"
rm -f "$ROWS_DB" "$ROWS_DB-wal" "$ROWS_DB-shm"
sqlite3 "$ROWS_DB" "PRAGMA journal_mode=WAL;" >/dev/null
sqlite3 "$CASE" ".schema strace_calls" | sed 's/) STRICT;/);/' | sqlite3 "$ROWS_DB"
start=$(date +%s%N)
sqlite3 "$ROWS_DB" -cmd "PRAGMA synchronous=NORMAL" ".import --csv $CSV strace_calls"
end=$(date +%s%N)
peer_rows=$(sqlite3 "$ROWS_DB" "SELECT COUNT(*) FROM strace_calls")
awk -v ns="$((end - start))" -v rows="$peer_rows" -v csv="$(stat -c %s "$CSV")" -v ours="$ours_s" -v ingest="$ingest_s" -v hwm="$hwm" 'BEGIN {
    s = ns / 1e9
    printf "sqlite3 .import: %.2f s for %d rows from CSV (%d MB), %d rows/s\n", s, rows, csv / 1e6, rows / s
    printf "ratio ingest (parse + store raw log + rows) / sqlite3 .import: %.2f   [target <= 1.00]\n", ingest / s
    printf "ratio whole import (with analysis) / sqlite3 .import: %.2f\n", ours / s
    printf "our peak memory: %d MB   [target < 200 MB]\n", hwm / 1024
}'
[ "$peer_rows" = "$calls" ] || echo "note: row counts differ (ours $calls, .import $peer_rows)"
rm -f "$CSV" "$ROWS_DB" "$ROWS_DB-wal" "$ROWS_DB-shm"
