#!/usr/bin/env bash
# Makes the seed cases of fuzz_case_open and fuzz_case_merge (tests/data/fuzz/case):
# tiny real cases, a new case with a note and a note edit, and the same with an
# imported strace trace, rewritten with 512-byte pages (VACUUM) so the fuzzer
# has few bytes to mutate; and cases at schema versions 1 and 4 (a few rows,
# no audit log) so that opening them runs the migrations. Run inside the build
# environment:
#   tools/dev exec -- tests/data/fuzz/make-case-seeds.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/case"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

casectl new "$tmp/note.casebook" --title "fuzz seed: a note" --severity sev2 >/dev/null
casectl notes "$tmp/note.casebook" --add "lockd" --tags "nfs, #lock" \
    --body $'php-fpm blocks in flock on NFSv3: see [[finding:1]].\n\n| host | state |\n|---|---|\n| web-3 | D |' >/dev/null
casectl notes "$tmp/note.casebook" --edit 1 --body "rpc-statd was not running: [[task:web-3/14437]]" >/dev/null

cp "$tmp/note.casebook" "$tmp/strace.casebook"
casectl import "$tmp/strace.casebook" "$here/../strace/seed004-php-fpm-f.strace" --tz Europe/Berlin --date 2019-08-26 >/dev/null

for c in note strace; do
    python3 - "$tmp/$c.casebook" "$out/$c.casebook" <<'PY'
import sqlite3, sys
src, dst = sys.argv[1], sys.argv[2]
db = sqlite3.connect(src)
db.execute("PRAGMA journal_mode=DELETE")
db.execute("PRAGMA page_size=512")
db.execute("VACUUM INTO ?", (dst + ".tmp",))
db.close()
import os
os.replace(dst + ".tmp", dst)
PY
done
for v in 1 4; do
    python3 - "$here/../../../engine/casefile/schema" "$v" "$out/v$v.casebook" <<'PY'
import glob, os, sqlite3, sys
schema, version, dst = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if os.path.exists(dst):
    os.remove(dst)
db = sqlite3.connect(dst)
db.execute("PRAGMA page_size=512")
db.execute("PRAGMA application_id=%d" % 0x43534231)
for f in sorted(glob.glob(os.path.join(schema, "*.sql")))[:version]:
    db.executescript(open(f).read())
db.executescript("""
INSERT INTO case_info(id, uuid, title, created_us, modified_us) VALUES (1, 'u-old', 'old case', 1, 2);
INSERT INTO hosts(name, first_seen_us, last_seen_us) VALUES ('web-3', 1, 1);
INSERT INTO collections(host_id, kind, started_us, status) VALUES (1, 'procfs', 5, 'running');
INSERT INTO artifacts(collection_id, host_id, kind, name, size, complete, created_us) VALUES (1, 1, 'file', 'ps.txt', 5, 0, 6);
INSERT INTO artifact_chunks(artifact_id, seq, data) VALUES (1, 0, CAST('hello' AS BLOB));
INSERT INTO notes(title, body, tags, created_us, modified_us) VALUES ('n', 'see [[artifact:1]]', 'nfs', 1, 1);
""")
db.execute("PRAGMA user_version=%d" % version)
db.commit()
db.execute("VACUUM")
db.close()
PY
done
ls -l "$out"
