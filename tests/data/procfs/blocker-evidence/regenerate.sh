#!/bin/sh
# Rewrites every *.expected here from the current parsers. Review the diff:
# a change must be deliberate. Run from the checkout after building:
#   tests/data/procfs/blocker-evidence/regenerate.sh [build/dev]
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
build=${1:-$root/build/dev}
python3 "$here/make-stream.py"
CASEBOOK_TEST_DATA="$root/tests/data" CASEBOOK_REGENERATE_GOLDEN=1 "$build/bin/test_blocker_evidence_parser" golden
