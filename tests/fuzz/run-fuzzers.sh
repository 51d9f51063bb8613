#!/usr/bin/env bash
# Builds the `fuzz` preset (engine, remote and the fuzz targets; clang +
# libFuzzer, ASan, UBSan without recovery) and runs each fuzzer listed in
# BUILD/fuzzers.txt for a short time on a copy of its seeds, one at a time.
# Fails (exit 1) when any fuzzer crashes, leaks, times out, runs out of memory
# or reports undefined behaviour; the reproducers are copied to
# BUILD/crashes/NAME/. Exit 77 (ctest: skipped) when clang is not available.
# Usage: run-fuzzers.sh SOURCE_DIR [BUILD_DIR]
#   CASEBOOK_FUZZ_SECONDS  seconds per fuzzer (default 15)
#   CASEBOOK_FUZZ_ONLY     run only the fuzzers whose names match this regex
set -euo pipefail
SRC="$(cd "${1:?source dir}" && pwd)"
BUILD="${2:-$SRC/build/fuzz}"
SECS="${CASEBOOK_FUZZ_SECONDS:-15}"
ONLY="${CASEBOOK_FUZZ_ONLY:-.}"

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

# UBSan aborts on the first report (the build also says -fno-sanitize-recover).
# Stacks are symbolized with llvm-symbolizer when installed, else addr2line.
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1:allow_addr2line=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export ASAN_OPTIONS="abort_on_error=1:allow_addr2line=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=()
while IFS=$'\t' read -r name seeds options; do
    [ -n "$name" ] || continue
    [[ "$name" =~ $ONLY ]] || continue
    mkdir -p "$work/$name/corpus" "$work/$name/artifacts"
    IFS=';' read -r -a seedList <<< "$seeds"
    for s in "${seedList[@]}"; do
        if [ -d "$s" ]; then
            find "$s" -maxdepth 1 -type f -size -1024k -exec cp {} "$work/$name/corpus/" \;
        elif [ -f "$s" ]; then
            cp "$s" "$work/$name/corpus/"
        fi
    done
    echo "== $name: ${SECS}s on $(ls "$work/$name/corpus" | wc -l) seed file(s)"
    # shellcheck disable=SC2086 # options are words
    if ! "$BUILD/bin/$name" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 -max_len=262144 $options \
            -print_final_stats=1 -artifact_prefix="$work/$name/artifacts/" "$work/$name/corpus" 2>"$work/$name/log" \
        || grep -q "runtime error:" "$work/$name/log"; then
        failed+=("$name")
        tail -60 "$work/$name/log" >&2
        mkdir -p "$BUILD/crashes"
        rm -rf "$BUILD/crashes/$name"
        cp -r "$work/$name/artifacts" "$BUILD/crashes/$name"
        echo "== $name FAILED; reproducers in $BUILD/crashes/$name" >&2
    else
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$name/log")
        echo "   ${runs:-?} runs ($(( ${runs:-0} / SECS ))/s), $(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$work/$name/log" | tail -1)"
    fi
done < "$BUILD/fuzzers.txt"
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzers that failed: ${failed[*]}" >&2
    exit 1
fi
