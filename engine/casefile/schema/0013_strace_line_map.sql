-- Schema 16: where each strace call is in its raw log, so a text search runs
-- over the stored log bytes (fast, like grep) and maps matching lines back to
-- calls. Written while importing, one row per committed batch of calls.
-- map: for each call in id order, three varints: the id step from the
-- previous call (zigzag; the first from first_call_id), the step of its start
-- line from the previous call's (zigzag; the first from 0), and how many
-- lines after its start it was completed (a resumed line; 0 for one-line calls).
CREATE TABLE strace_line_map (
    trace_id         INTEGER NOT NULL,       -- strace_traces(id)
    first_call_id    INTEGER NOT NULL,       -- strace_calls(id) of the first call in map
    calls            INTEGER NOT NULL,       -- calls in map
    map              BLOB NOT NULL
) STRICT;
CREATE INDEX strace_line_map_trace ON strace_line_map(trace_id, first_call_id);
