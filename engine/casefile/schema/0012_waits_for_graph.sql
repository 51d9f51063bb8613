-- Schema 11: the waits-for graph (engine/blockers), stored per analysis run.
-- A run is the graph of one host as the evidence stood (input_stamp says
-- which evidence and rules); its verdicts are findings (blocker_run_findings
-- lists them, rank 1 = the top chain). Runs are never rewritten: a later run
-- adds rows and marks the earlier run's findings superseded (schema 10).

CREATE TABLE blocker_runs (
    id               INTEGER PRIMARY KEY,
    host_id          INTEGER REFERENCES hosts(id),
    collection_id    INTEGER REFERENCES collections(id), -- the procfs collection read, if any
    snapshot_id      INTEGER REFERENCES procfs_snapshots(id) ON DELETE SET NULL,
    created_us       INTEGER NOT NULL,
    input_stamp      TEXT NOT NULL,          -- evidence and rules fingerprint; equal stamp = same graph
    rules            TEXT NOT NULL DEFAULT '', -- rule set fingerprint and problems (JSON)
    summary          TEXT NOT NULL DEFAULT '{}' -- JSON: counts, top chain text
) STRICT;
CREATE INDEX blocker_runs_host ON blocker_runs(host_id, id);

CREATE TABLE blocker_nodes (
    id               INTEGER PRIMARY KEY,
    run_id           INTEGER NOT NULL REFERENCES blocker_runs(id) ON DELETE CASCADE,
    node_key         TEXT NOT NULL,          -- task:1234, file-lock:0:45:99, fuse-server:/mnt...
    kind             TEXT NOT NULL,          -- task, process, directory-lock, file-lock, fuse-server, nfs-server, service...
    label            TEXT NOT NULL,
    detail           TEXT NOT NULL DEFAULT '',
    external         INTEGER NOT NULL DEFAULT 0,
    status           TEXT NOT NULL DEFAULT '', -- not-responding, silent, no-packets, inactive, zombie...
    data             TEXT NOT NULL DEFAULT '{}' -- JSON
) STRICT;
CREATE INDEX blocker_nodes_run ON blocker_nodes(run_id);

CREATE TABLE blocker_edges (
    id               INTEGER PRIMARY KEY,
    run_id           INTEGER NOT NULL REFERENCES blocker_runs(id) ON DELETE CASCADE,
    from_node        INTEGER NOT NULL REFERENCES blocker_nodes(id) ON DELETE CASCADE,
    to_node          INTEGER NOT NULL REFERENCES blocker_nodes(id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('waits-for','holds','served-by')),
    explanation      TEXT NOT NULL DEFAULT '',
    rule             TEXT NOT NULL DEFAULT '', -- stack rule id or source (proc-locks, strace-hung-lock...)
    count            INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX blocker_edges_run ON blocker_edges(run_id);

-- Evidence links of a node or an edge (exactly one of the two is set).
CREATE TABLE blocker_evidence (
    node_id          INTEGER REFERENCES blocker_nodes(id) ON DELETE CASCADE,
    edge_id          INTEGER REFERENCES blocker_edges(id) ON DELETE CASCADE,
    ref_kind         TEXT NOT NULL,          -- task, snapshot, kernel-event, strace-call, conversation...
    ref_id           INTEGER NOT NULL,
    label            TEXT NOT NULL DEFAULT '',
    CHECK ((node_id IS NULL) <> (edge_id IS NULL))
) STRICT;
CREATE INDEX blocker_evidence_node ON blocker_evidence(node_id);
CREATE INDEX blocker_evidence_edge ON blocker_evidence(edge_id);

CREATE TABLE blocker_run_findings (
    run_id           INTEGER NOT NULL REFERENCES blocker_runs(id) ON DELETE CASCADE,
    finding_id       INTEGER NOT NULL REFERENCES findings(id),
    rank             INTEGER NOT NULL DEFAULT 0, -- root-cause rank; 0 for other verdicts
    PRIMARY KEY (run_id, finding_id)
) STRICT, WITHOUT ROWID;
