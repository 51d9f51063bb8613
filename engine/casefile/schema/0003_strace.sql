-- Schema 3: strace logs (engine/strace). One strace_traces row per imported
-- file (a combined -f log, or one -ff per-process file); its raw bytes are the
-- artifact it points to. Calls of a trace are inserted contiguously, so
-- first_call_id..last_call_id bounds them without an index on trace_id.

CREATE TABLE strace_traces (
    id               INTEGER PRIMARY KEY,
    collection_id    INTEGER REFERENCES collections(id),
    host_id          INTEGER REFERENCES hosts(id),
    artifact_id      INTEGER REFERENCES artifacts(id),
    name             TEXT NOT NULL,          -- file name (str-envoy.3997)
    file_pid         INTEGER,                -- pid from an -ff suffix, else NULL
    time_style       TEXT NOT NULL DEFAULT 'none'
                     CHECK (time_style IN ('none','t','tt','ttt','r','mixed')),
    has_durations    INTEGER NOT NULL DEFAULT 0, -- -T seen
    lines            INTEGER NOT NULL DEFAULT 0,
    bytes            INTEGER NOT NULL DEFAULT 0,
    calls            INTEGER NOT NULL DEFAULT 0,
    unfinished       INTEGER NOT NULL DEFAULT 0, -- calls that never completed
    unparsed         INTEGER NOT NULL DEFAULT 0, -- lines the parser did not understand
    first_call_id    INTEGER,
    last_call_id     INTEGER,
    first_us         INTEGER,
    last_us          INTEGER,
    detached         INTEGER NOT NULL DEFAULT 0, -- '<detached ...>' seen
    truncated_tail   INTEGER NOT NULL DEFAULT 0, -- last line had no newline
    status           TEXT NOT NULL DEFAULT 'running'
                     CHECK (status IN ('running','complete','incomplete'))
) STRICT;
CREATE INDEX strace_traces_collection ON strace_traces(collection_id);

-- One row per system call (a call split by <unfinished ...>/<... resumed> is
-- one row) and per signal delivered ('--- SIGx {...} ---', kind = 'signal').
CREATE TABLE strace_calls (
    id               INTEGER PRIMARY KEY,
    trace_id         INTEGER NOT NULL,       -- strace_traces(id); no FK for bulk speed
    line             INTEGER NOT NULL,       -- 1-based line in the raw log where it started
    pid              INTEGER NOT NULL,       -- 0 = not given in the log
    time_us          INTEGER,                -- start; NULL without timestamps; relative for -r
    kind             INTEGER NOT NULL DEFAULT 0, -- 0 call, 1 signal
    syscall          TEXT NOT NULL,          -- or the signal name
    args             TEXT NOT NULL,          -- as printed (or the siginfo)
    ret              INTEGER,                -- numeric return value
    ret_text         TEXT,                   -- '?', '0x7f..', '0 (Timeout)': when not a plain integer
    errno            TEXT,                   -- ENOENT...
    duration_us      INTEGER,                -- -T, or resumed-started; for unfinished calls the wait until the trace ended
    unfinished       INTEGER NOT NULL DEFAULT 0, -- 1 never completed (trace ended), 2 strace detached while in it
    fd               INTEGER,                -- first fd argument with a -y path, else the fd returned
    fd_path          TEXT                    -- its -y/-yy decoration: /path, socket:[N], TCP:[a:p->b:q]
) STRICT;
CREATE INDEX strace_calls_unfinished ON strace_calls(trace_id) WHERE unfinished <> 0;
CREATE INDEX strace_calls_errors ON strace_calls(trace_id, errno, syscall) WHERE errno IS NOT NULL;

-- Per-syscall totals of completed calls, computed while importing (what
-- strace -c shows), so summaries need not scan strace_calls. A (trace, pid,
-- syscall) may have several rows on huge traces: sum them.
CREATE TABLE strace_stats (
    trace_id         INTEGER NOT NULL,
    pid              INTEGER NOT NULL,
    syscall          TEXT NOT NULL,
    calls            INTEGER NOT NULL,
    errors           INTEGER NOT NULL,
    total_us         INTEGER NOT NULL,       -- sum of known durations
    max_us           INTEGER NOT NULL
) STRICT;
CREATE INDEX strace_stats_trace ON strace_stats(trace_id);

-- The slowest completed calls of each trace (top 20), kept while importing.
CREATE TABLE strace_slowest (
    trace_id         INTEGER NOT NULL,
    call_id          INTEGER NOT NULL,
    duration_us      INTEGER NOT NULL
) STRICT;
CREATE INDEX strace_slowest_trace ON strace_slowest(trace_id);

CREATE TABLE strace_errnos (
    name             TEXT PRIMARY KEY,       -- ENOENT
    text             TEXT NOT NULL           -- No such file or directory
) STRICT, WITHOUT ROWID;

-- Processes seen in a collection (all its traces), with their lineage.
CREATE TABLE strace_processes (
    id               INTEGER PRIMARY KEY,
    collection_id    INTEGER REFERENCES collections(id),
    trace_id         INTEGER,                -- trace holding its calls (first seen)
    pid              INTEGER NOT NULL,
    parent_pid       INTEGER,                -- from fork/vfork/clone/clone3 returning this pid
    exec             TEXT,                   -- last successful execve/execveat arguments
    first_us         INTEGER,
    last_us          INTEGER,
    calls            INTEGER NOT NULL DEFAULT 0,
    exit_code        INTEGER,                -- '+++ exited with N +++'
    killed_by        TEXT,                   -- '+++ killed by SIGKILL +++'
    core_dumped      INTEGER NOT NULL DEFAULT 0,
    UNIQUE (collection_id, pid)
) STRICT;

-- Lines the parser did not understand, kept (cut to 64 KiB) with their length.
CREATE TABLE strace_unparsed (
    id               INTEGER PRIMARY KEY,
    trace_id         INTEGER NOT NULL,
    line             INTEGER NOT NULL,
    length           INTEGER NOT NULL,
    text             BLOB NOT NULL
) STRICT;
CREATE INDEX strace_unparsed_trace ON strace_unparsed(trace_id);
