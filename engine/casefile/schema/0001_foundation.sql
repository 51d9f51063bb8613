-- Casebook case file, schema 1: the foundation.
-- Times are INTEGER microseconds since the Unix epoch, UTC (columns *_us).
-- Every table is STRICT where SQLite allows it; text is UTF-8.

CREATE TABLE case_info (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    uuid             TEXT NOT NULL,
    title            TEXT NOT NULL,
    summary          TEXT NOT NULL DEFAULT '',
    severity         TEXT NOT NULL DEFAULT 'unknown'
                     CHECK (severity IN ('unknown','sev1','sev2','sev3','sev4','sev5')),
    status           TEXT NOT NULL DEFAULT 'open'
                     CHECK (status IN ('open','investigating','mitigated','resolved','closed')),
    incident_start_us INTEGER,
    incident_end_us  INTEGER,
    created_us       INTEGER NOT NULL,
    modified_us      INTEGER NOT NULL,
    created_by       TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE hosts (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE,   -- as the user named it: alias, host, 'local'
    address          TEXT,                   -- resolved HostName / IP
    port             INTEGER,
    user             TEXT,
    hostkey_type     TEXT,
    hostkey_sha256   TEXT,                   -- 'SHA256:...' as OpenSSH prints it
    kernel           TEXT,
    os               TEXT,
    boot_time_us     INTEGER,
    first_seen_us    INTEGER NOT NULL,
    last_seen_us     INTEGER NOT NULL
) STRICT;

CREATE TABLE collections (
    id               INTEGER PRIMARY KEY,
    host_id          INTEGER REFERENCES hosts(id),
    kind             TEXT NOT NULL,          -- procfs, kernel-log, strace, pcap, exec, import, file
    command          TEXT NOT NULL DEFAULT '', -- exact command run (or file imported)
    parameters       TEXT NOT NULL DEFAULT '{}', -- JSON
    operator         TEXT NOT NULL DEFAULT '',   -- who ran it: user@workstation
    tool             TEXT NOT NULL DEFAULT '',   -- casectl/casebook and version
    started_us       INTEGER NOT NULL,
    finished_us      INTEGER,
    status           TEXT NOT NULL DEFAULT 'running'
                     CHECK (status IN ('running','complete','incomplete','failed')),
    error            TEXT,
    hostkey_type     TEXT,
    hostkey_sha256   TEXT,
    owner_pid        INTEGER,                -- writer process, to detect crashes
    owner_start      TEXT,
    owner_machine    TEXT
) STRICT;
CREATE INDEX collections_host ON collections(host_id);

-- Raw evidence, kept verbatim in chunks committed as they arrive.
CREATE TABLE artifacts (
    id               INTEGER PRIMARY KEY,
    collection_id    INTEGER REFERENCES collections(id),
    host_id          INTEGER REFERENCES hosts(id),
    kind             TEXT NOT NULL,          -- procfs-snapshot, kernel-log, strace-log, pcap, file, stdout, stderr
    name             TEXT NOT NULL,
    source_path      TEXT NOT NULL DEFAULT '',
    media_type       TEXT NOT NULL DEFAULT 'application/octet-stream',
    size             INTEGER NOT NULL DEFAULT 0,
    sha256           TEXT,                   -- hex; NULL until complete
    complete         INTEGER NOT NULL DEFAULT 0,
    truncated        INTEGER NOT NULL DEFAULT 0, -- a size cap cut it short
    created_us       INTEGER NOT NULL
) STRICT;
CREATE INDEX artifacts_collection ON artifacts(collection_id);
CREATE INDEX artifacts_sha ON artifacts(sha256);

CREATE TABLE artifact_chunks (
    artifact_id      INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
    seq              INTEGER NOT NULL,
    data             BLOB NOT NULL,
    PRIMARY KEY (artifact_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE findings (
    id               INTEGER PRIMARY KEY,
    host_id          INTEGER REFERENCES hosts(id),
    collection_id    INTEGER REFERENCES collections(id),
    kind             TEXT NOT NULL,          -- d-state-group, blocker-candidate, hung-syscall, silent-peer...
    severity         TEXT NOT NULL DEFAULT 'info'
                     CHECK (severity IN ('info','low','medium','high','critical')),
    title            TEXT NOT NULL,
    detail           TEXT NOT NULL DEFAULT '',
    at_us            INTEGER,
    created_us       INTEGER NOT NULL,
    data             TEXT NOT NULL DEFAULT '{}'  -- JSON
) STRICT;
CREATE INDEX findings_host ON findings(host_id);

CREATE TABLE finding_evidence (
    finding_id       INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
    ref_kind         TEXT NOT NULL,          -- artifact, snapshot, task, stack, kernel-event, strace-call, conversation, rpc-call
    ref_id           INTEGER NOT NULL,
    label            TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX finding_evidence_finding ON finding_evidence(finding_id);

-- Every timed thing that is not a row of its own table: kernel-log events,
-- markers placed by the user, status changes.
CREATE TABLE events (
    id               INTEGER PRIMARY KEY,
    host_id          INTEGER REFERENCES hosts(id),
    collection_id    INTEGER REFERENCES collections(id),
    at_us            INTEGER NOT NULL,
    kind             TEXT NOT NULL,
    source           TEXT NOT NULL,          -- kernel-log, marker, procfs, strace, pcap, case
    summary          TEXT NOT NULL,
    detail           TEXT NOT NULL DEFAULT '',
    ref_kind         TEXT,
    ref_id           INTEGER
) STRICT;
CREATE INDEX events_time ON events(at_us);
CREATE INDEX events_host_time ON events(host_id, at_us);

CREATE TABLE notes (
    id               INTEGER PRIMARY KEY,
    title            TEXT NOT NULL DEFAULT '',
    body             TEXT NOT NULL DEFAULT '',  -- Markdown
    tags             TEXT NOT NULL DEFAULT '',  -- comma separated
    at_us            INTEGER,                   -- the incident time it is about, if any
    created_us       INTEGER NOT NULL,
    modified_us      INTEGER NOT NULL,
    author           TEXT NOT NULL DEFAULT ''
) STRICT;

-- Chain of custody. Append-only: triggers refuse UPDATE and DELETE. Each row's
-- hash covers the previous row's hash, so a removed or edited row shows.
CREATE TABLE audit_log (
    id               INTEGER PRIMARY KEY,
    at_us            INTEGER NOT NULL,
    actor            TEXT NOT NULL,
    action           TEXT NOT NULL,          -- create, open-migrate, collect, import, edit, export, merge, verify...
    target           TEXT NOT NULL DEFAULT '',
    details          TEXT NOT NULL DEFAULT '{}',
    prev_hash        TEXT NOT NULL,
    hash             TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
