#!/bin/sh
# Rewrites cases.expected from DStateTriageLoad. Review the diff.
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
build=${1:-$root/build/dev}
CASEBOOK_TEST_DATA="$root/tests/data" CASEBOOK_REGENERATE_GOLDEN=1 "$build/bin/test_dstate_load"
