-- Schema 10: evidence for the waits-for graph ("what is everyone waiting for,
-- and what is that waiting for?"), read by the procfs snapshot from /proc
-- only, and findings that are superseded instead of deleted.

-- /proc/locks (source 'proc-locks'): one row per line; a waiter ("->" line)
-- carries the number of the lock it waits behind (lock_id is the ordinal
-- /proc/locks prints; holder and waiters share it). The `lock:` lines of
-- /proc/PID/fdinfo/N (source 'fdinfo') tie a lock to the process and fd that
-- hold it, OFD locks included (their /proc/locks pid is -1).
CREATE TABLE procfs_file_locks (
    snapshot_id      INTEGER NOT NULL REFERENCES procfs_snapshots(id) ON DELETE CASCADE,
    source           TEXT NOT NULL,          -- proc-locks, fdinfo
    lock_id          INTEGER NOT NULL,       -- the number before ':'
    is_waiter        INTEGER NOT NULL DEFAULT 0, -- 1: a "->" line, blocked behind lock_id
    wait_depth       INTEGER NOT NULL DEFAULT 0, -- 1: waits on the holder; 2: behind the waiter above it...
    kind             TEXT NOT NULL,          -- POSIX, FLOCK, OFDLCK, LEASE, DELEG, ...
    type             TEXT NOT NULL,          -- ADVISORY, MANDATORY, ACTIVE, BREAKING, BREAKER, ...
    mode             TEXT NOT NULL,          -- READ, WRITE, UNLCK, ...
    pid              INTEGER,                -- as printed; NULL for -1 (OFD) or unreadable
    fd               INTEGER,                -- fdinfo rows: the fd whose fdinfo lists the lock
    owner_pid        INTEGER,                -- fdinfo rows: the process whose fdinfo it is
    device           TEXT NOT NULL DEFAULT '', -- major:minor in decimal, as in mountinfo
    inode            INTEGER,
    range_start      INTEGER,
    range_end        INTEGER,                -- NULL = EOF
    raw              TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX procfs_file_locks_snapshot ON procfs_file_locks(snapshot_id, device, inode);

-- fd targets (readlink of /proc/PID/fd/N, never a stat of the target) of the
-- processes the analysis involves: tasks in D, lock holders and waiters,
-- FUSE servers (/dev/fuse open). mnt_id, inode, flags, pos from fdinfo.
CREATE TABLE procfs_fd_targets (
    snapshot_id      INTEGER NOT NULL REFERENCES procfs_snapshots(id) ON DELETE CASCADE,
    pid              INTEGER NOT NULL,
    tid              INTEGER,                -- a zombie leader's table read through this thread; NULL otherwise
    fd               INTEGER NOT NULL,
    target           TEXT NOT NULL,
    kind             TEXT NOT NULL,          -- path, socket, pipe, anon-inode, fuse-device, deleted, other
    mnt_id           INTEGER,
    inode            INTEGER,
    flags            TEXT,                   -- octal, as fdinfo prints it
    pos              INTEGER
) STRICT;
CREATE INDEX procfs_fd_targets_snapshot ON procfs_fd_targets(snapshot_id, pid);

-- Why a process's fds were read (one row per process and reason).
CREATE TABLE procfs_involved (
    snapshot_id      INTEGER NOT NULL REFERENCES procfs_snapshots(id) ON DELETE CASCADE,
    pid              INTEGER NOT NULL,
    reason           TEXT NOT NULL           -- d-state, lock, fuse-server, zombie-leader
) STRICT;

-- Per thread: context switches (status), schedstat (run ns, wait ns,
-- timeslices) and signal masks (hex as status prints them; bit N-1 = signal N).
CREATE TABLE procfs_task_sched (
    snapshot_id      INTEGER NOT NULL REFERENCES procfs_snapshots(id) ON DELETE CASCADE,
    pid              INTEGER NOT NULL,
    tid              INTEGER NOT NULL,
    voluntary        INTEGER,
    nonvoluntary     INTEGER,
    run_ns           INTEGER,
    wait_ns          INTEGER,
    timeslices       INTEGER,
    sig_pnd          TEXT NOT NULL DEFAULT '',
    shd_pnd          TEXT NOT NULL DEFAULT '',
    sig_blk          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX procfs_task_sched_snapshot ON procfs_task_sched(snapshot_id, tid);

-- The cgroups of each thread of a process whose leader is a zombie (the
-- leader's own file reads "/"); their memory files go to procfs_cgroups.
CREATE TABLE procfs_task_cgroups (
    snapshot_id      INTEGER NOT NULL REFERENCES procfs_snapshots(id) ON DELETE CASCADE,
    pid              INTEGER NOT NULL,
    tid              INTEGER NOT NULL,
    hierarchy        INTEGER NOT NULL,       -- 0 = cgroup v2
    controllers      TEXT NOT NULL DEFAULT '',
    path             TEXT NOT NULL
) STRICT;
CREATE INDEX procfs_task_cgroups_snapshot ON procfs_task_cgroups(snapshot_id, pid);

-- NFS per-op counters of /proc/self/mountstats, per mount.
CREATE TABLE procfs_nfs_ops (
    snapshot_id      INTEGER NOT NULL REFERENCES procfs_snapshots(id) ON DELETE CASCADE,
    mount_point      TEXT NOT NULL,
    server           TEXT NOT NULL DEFAULT '',
    export           TEXT NOT NULL DEFAULT '',
    op               TEXT NOT NULL,
    ops              INTEGER NOT NULL,
    transmissions    INTEGER,
    timeouts         INTEGER,
    bytes_sent       INTEGER,
    bytes_received   INTEGER,
    queue_ms         INTEGER,                -- cumulative
    rtt_ms           INTEGER,                -- cumulative
    execute_ms       INTEGER,                -- cumulative
    errors           INTEGER
) STRICT;
CREATE INDEX procfs_nfs_ops_snapshot ON procfs_nfs_ops(snapshot_id, mount_point);

-- Findings are never deleted: a later analysis marks an earlier finding
-- superseded (when, and by which finding if one replaces it), so notes and
-- reports citing it still resolve.
ALTER TABLE findings ADD COLUMN superseded_at INTEGER;
ALTER TABLE findings ADD COLUMN superseded_by INTEGER REFERENCES findings(id);
