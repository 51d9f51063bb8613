#!/usr/bin/env bash
# Builds the `fuzz` preset (engine + fuzz targets only, clang + libFuzzer) and
# runs each fuzzer listed in BUILD/fuzzers.txt for a short time on a copy of
# its seed corpus. Exit 77 (ctest: skipped) when clang is not available.
# Usage: run-fuzzers.sh SOURCE_DIR [BUILD_DIR]   (CASEBOOK_FUZZ_SECONDS=20)
set -euo pipefail
SRC="$(cd "${1:?source dir}" && pwd)"
BUILD="${2:-$SRC/build/fuzz}"
SECS="${CASEBOOK_FUZZ_SECONDS:-20}"

if ! command -v clang++ >/dev/null; then
    echo "clang++ not found: fuzzers not built (install clang for libFuzzer)" >&2
    exit 77
fi
if [ ! -f "$BUILD/build.ninja" ]; then
    cmake -S "$SRC" --preset fuzz -B "$BUILD" >/dev/null
else
    cmake "$BUILD" >/dev/null
fi
cmake --build "$BUILD" --target casebook_fuzzers --parallel 2

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
while read -r name corpus; do
    [ -n "$name" ] || continue
    mkdir -p "$work/$name/corpus" "$work/$name/artifacts"
    [ -d "$corpus" ] && find "$corpus" -maxdepth 1 -type f -size -1024k -exec cp {} "$work/$name/corpus/" \;
    echo "== $name: ${SECS}s on $(ls "$work/$name/corpus" | wc -l) seed file(s)"
    if ! "$BUILD/bin/$name" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
            -print_final_stats=1 -artifact_prefix="$work/$name/artifacts/" "$work/$name/corpus" 2>"$work/$name/log"; then
        status=1
        tail -50 "$work/$name/log" >&2
        mkdir -p "$BUILD/crashes"
        cp -r "$work/$name/artifacts" "$BUILD/crashes/$name" 2>/dev/null || true
        echo "== $name FAILED; reproducers in $BUILD/crashes/$name" >&2
    else
        grep -E "stat::number_of_executed_units|cov:" "$work/$name/log" | tail -2
    fi
done < "$BUILD/fuzzers.txt"
exit $status
