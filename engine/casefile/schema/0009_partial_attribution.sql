-- Schema 9: honest partial collections and attribution.
--
-- collections.status gains 'partial': the collection ran to its end, but some
-- of what it should have read could not be read (not permitted, timed out,
-- unreadable); collection_gaps says what, why and how many. 'incomplete'
-- stays for a run that did not reach its end (killed, cut at the size cap,
-- timed out as a whole, interrupted).
-- collections.address/port/user: the endpoint the collection actually used
-- (resolved address, port, login user), beside hostkey_type/hostkey_sha256.
--
-- SQLite cannot change a CHECK constraint in place: the table is rebuilt. The
-- rows go through a temporary copy; foreign keys are deferred so the children
-- (artifacts, findings, snapshots...) find their parents again at commit.
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE collections_v8 AS SELECT * FROM main.collections;
DROP INDEX main.collections_host;
DROP INDEX main.collections_uuid;
DROP TABLE main.collections;
CREATE TABLE collections (
    id               INTEGER PRIMARY KEY,
    host_id          INTEGER REFERENCES hosts(id),
    kind             TEXT NOT NULL,          -- procfs, kernel-log, strace, pcap, exec, import, file
    command          TEXT NOT NULL DEFAULT '', -- exact command run (or file imported)
    parameters       TEXT NOT NULL DEFAULT '{}', -- JSON
    operator         TEXT NOT NULL DEFAULT '',   -- who ran it: account@workstation, or "Display Name <account@workstation>"
    tool             TEXT NOT NULL DEFAULT '',   -- casectl/casebook and version
    started_us       INTEGER NOT NULL,
    finished_us      INTEGER,
    status           TEXT NOT NULL DEFAULT 'running'
                     CHECK (status IN ('running','complete','partial','incomplete','failed')),
    error            TEXT,
    hostkey_type     TEXT,
    hostkey_sha256   TEXT,
    owner_pid        INTEGER,                -- writer process, to detect crashes
    owner_start      TEXT,
    owner_machine    TEXT,
    uuid             TEXT,
    address          TEXT,                   -- the address connected to (resolved), NULL for local
    port             INTEGER,
    user             TEXT                    -- the account the collection ran as on the host
) STRICT;
INSERT INTO main.collections(id, host_id, kind, command, parameters, operator, tool, started_us, finished_us, status,
                             error, hostkey_type, hostkey_sha256, owner_pid, owner_start, owner_machine, uuid)
    SELECT id, host_id, kind, command, parameters, operator, tool, started_us, finished_us, status,
           error, hostkey_type, hostkey_sha256, owner_pid, owner_start, owner_machine, uuid FROM temp.collections_v8;
DROP TABLE temp.collections_v8;
CREATE INDEX collections_host ON collections(host_id);
CREATE UNIQUE INDEX collections_uuid ON collections(uuid);

-- What a collection could not read, counted per reason (and per procfs sample
-- where there is one): what = kernel-stack, fd-table, cmdline, task-stat,
-- kernel-log, output...; reason = not-permitted, vanished, timed-out,
-- unreadable, cut. detail: a first error message, "cut at 512 MiB"...
CREATE TABLE collection_gaps (
    id               INTEGER PRIMARY KEY,
    collection_id    INTEGER NOT NULL REFERENCES collections(id),
    snapshot_id      INTEGER REFERENCES procfs_snapshots(id) ON DELETE CASCADE,
    what             TEXT NOT NULL,
    reason           TEXT NOT NULL,
    count            INTEGER NOT NULL,
    detail           TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX collection_gaps_collection ON collection_gaps(collection_id);
