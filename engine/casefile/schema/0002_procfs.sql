-- Schema 2: procfs snapshots and kernel logs.
-- One procfs_snapshots row per sample; tasks, host values, cgroups, mounts,
-- sockets and services hang off it. Kernel stacks are deduplicated in
-- procfs_stacks (signature = hash of the frames with offsets removed).

CREATE TABLE procfs_snapshots (
    id               INTEGER PRIMARY KEY,
    collection_id    INTEGER REFERENCES collections(id),
    host_id          INTEGER REFERENCES hosts(id),
    artifact_id      INTEGER REFERENCES artifacts(id),
    sample_index     INTEGER NOT NULL DEFAULT 1,
    taken_us         INTEGER NOT NULL,
    uptime_s         REAL,
    boot_time_us     INTEGER,
    load1            REAL,
    load5            REAL,
    load15           REAL,
    procs_running    INTEGER,              -- /proc/stat
    procs_blocked    INTEGER,
    kernel           TEXT NOT NULL DEFAULT '',
    hostname         TEXT NOT NULL DEFAULT '',
    rpcinfo          TEXT NOT NULL DEFAULT '',
    problems         TEXT NOT NULL DEFAULT '' -- newline separated: partial reads, skipped steps
) STRICT;
CREATE INDEX procfs_snapshots_host ON procfs_snapshots(host_id, taken_us);

CREATE TABLE procfs_stacks (
    id               INTEGER PRIMARY KEY,
    signature        TEXT NOT NULL UNIQUE,
    frames           TEXT NOT NULL,          -- function names, one per line, innermost first
    frame_count      INTEGER NOT NULL
) STRICT;

CREATE TABLE procfs_tasks (
    id               INTEGER PRIMARY KEY,
    snapshot_id      INTEGER NOT NULL REFERENCES procfs_snapshots(id) ON DELETE CASCADE,
    pid              INTEGER NOT NULL,       -- tgid
    tid              INTEGER NOT NULL,
    ppid             INTEGER NOT NULL DEFAULT 0,
    uid              INTEGER,
    user             TEXT NOT NULL DEFAULT '',
    comm             TEXT NOT NULL,          -- exact, may hold ')' spaces newlines
    state            TEXT NOT NULL,          -- from stat
    status_state     TEXT NOT NULL DEFAULT '', -- letter from status, read where stat says D ('' if unread)
    wchan            TEXT NOT NULL DEFAULT '',
    stack_id         INTEGER REFERENCES procfs_stacks(id),
    stack_status     TEXT NOT NULL,          -- ok, empty, not-permitted, vanished, unreadable
    stack_raw        TEXT NOT NULL DEFAULT '',
    cmdline          TEXT NOT NULL DEFAULT '',
    cmdline_status   TEXT NOT NULL DEFAULT '', -- ok, empty, skipped-d-state, unreadable
    cgroup           TEXT NOT NULL DEFAULT '',
    start_ticks      INTEGER,
    start_us         INTEGER,
    pidns            INTEGER,
    utime_ticks      INTEGER,
    stime_ticks      INTEGER,
    threads          INTEGER,
    fd_total         INTEGER,
    fd_inotify       INTEGER,
    fd_eventpoll     INTEGER,
    fd_socket        INTEGER,
    fd_file          INTEGER,
    socket_inodes    TEXT NOT NULL DEFAULT '' -- comma separated
) STRICT;
CREATE INDEX procfs_tasks_snapshot ON procfs_tasks(snapshot_id, state);
CREATE INDEX procfs_tasks_stack ON procfs_tasks(stack_id);

-- loadavg, uptime, PSI, meminfo, stat counters, uname, os-release as key/value.
CREATE TABLE procfs_host_values (
    snapshot_id      INTEGER NOT NULL REFERENCES procfs_snapshots(id) ON DELETE CASCADE,
    section          TEXT NOT NULL,          -- meminfo, psi, loadavg, uptime, uname, os-release
    key              TEXT NOT NULL,
    value            TEXT NOT NULL,
    number           REAL
) STRICT;
CREATE INDEX procfs_host_values_snapshot ON procfs_host_values(snapshot_id, section);

CREATE TABLE procfs_cgroups (
    snapshot_id      INTEGER NOT NULL REFERENCES procfs_snapshots(id) ON DELETE CASCADE,
    path             TEXT NOT NULL,
    version          INTEGER NOT NULL,
    memory_limit     INTEGER,                -- NULL = unlimited
    memory_usage     INTEGER,
    memory_peak      INTEGER,
    oom_events       INTEGER,
    oom_kills        INTEGER,
    under_oom        INTEGER
) STRICT;

CREATE TABLE procfs_mounts (
    snapshot_id      INTEGER NOT NULL REFERENCES procfs_snapshots(id) ON DELETE CASCADE,
    mount_id         INTEGER,
    parent_id        INTEGER,
    device           TEXT NOT NULL DEFAULT '', -- major:minor
    root             TEXT NOT NULL DEFAULT '',
    mount_point      TEXT NOT NULL,
    options          TEXT NOT NULL DEFAULT '',
    fstype           TEXT NOT NULL DEFAULT '',
    source           TEXT NOT NULL DEFAULT '',
    super_options    TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE procfs_nfs_mounts (
    snapshot_id      INTEGER NOT NULL REFERENCES procfs_snapshots(id) ON DELETE CASCADE,
    device           TEXT NOT NULL,          -- server:/export
    mount_point      TEXT NOT NULL,
    fstype           TEXT NOT NULL,
    options          TEXT NOT NULL DEFAULT '',
    age_s            INTEGER,
    ops              INTEGER,                -- total operations
    timeouts         INTEGER,                -- total major timeouts
    summary          TEXT NOT NULL DEFAULT '{}' -- JSON: busiest ops with ops, timeouts, avg rtt/exe ms
) STRICT;

CREATE TABLE procfs_sockets (
    snapshot_id      INTEGER NOT NULL REFERENCES procfs_snapshots(id) ON DELETE CASCADE,
    proto            TEXT NOT NULL,          -- tcp, tcp6
    local_address    TEXT NOT NULL,
    local_port       INTEGER NOT NULL,
    state            TEXT NOT NULL,          -- LISTEN
    uid              INTEGER,
    inode            INTEGER NOT NULL
) STRICT;
CREATE INDEX procfs_sockets_snapshot ON procfs_sockets(snapshot_id);

CREATE TABLE procfs_services (
    snapshot_id      INTEGER NOT NULL REFERENCES procfs_snapshots(id) ON DELETE CASCADE,
    name             TEXT NOT NULL,
    state            TEXT NOT NULL           -- active, inactive, failed, unknown, unavailable
) STRICT;

-- Every line of a collected kernel log, with its wall-clock time.
CREATE TABLE kernel_log_lines (
    id               INTEGER PRIMARY KEY,
    collection_id    INTEGER REFERENCES collections(id),
    host_id          INTEGER REFERENCES hosts(id),
    artifact_id      INTEGER REFERENCES artifacts(id),
    seq              INTEGER NOT NULL,
    monotonic_s      REAL,                   -- seconds since boot as printed; NULL if none
    at_us            INTEGER,
    text             TEXT NOT NULL,
    event_id         INTEGER REFERENCES events(id)
) STRICT;
CREATE INDEX kernel_log_lines_collection ON kernel_log_lines(collection_id, seq);
