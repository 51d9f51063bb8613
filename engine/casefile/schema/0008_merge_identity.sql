-- Schema 8: identities that survive copies, so merge recognises what a case
-- already holds.
--
-- collections.uuid is a collection's identity: the same in every copy of the
-- case (export, redacted export, merge) and never reused. New collections get
-- a random UUID (CollectionStore::begin). Collections recorded before schema 8
-- get a value derived from the case's uuid, their id and their start time,
-- so every copy made before the upgrade derives the same one.
ALTER TABLE collections ADD COLUMN uuid TEXT;
UPDATE collections SET uuid = (SELECT uuid FROM case_info WHERE id = 1) || '/' || id || '/' || started_us;
CREATE UNIQUE INDEX collections_uuid ON collections(uuid);

-- References between tables that SQLite does not enforce (the bulk strace
-- tables leave out FOREIGN KEY for speed). Merge follows these exactly like
-- declared foreign keys; a later schema adding such a column lists it here.
CREATE TABLE schema_references (
    table_name       TEXT NOT NULL,
    column_name      TEXT NOT NULL,
    parent_table     TEXT NOT NULL,          -- the column holds parent_table(id)
    PRIMARY KEY (table_name, column_name)
) STRICT, WITHOUT ROWID;
INSERT INTO schema_references(table_name, column_name, parent_table) VALUES
    ('strace_traces', 'first_call_id', 'strace_calls'),
    ('strace_traces', 'last_call_id', 'strace_calls'),
    ('strace_calls', 'trace_id', 'strace_traces'),
    ('strace_stats', 'trace_id', 'strace_traces'),
    ('strace_slowest', 'trace_id', 'strace_traces'),
    ('strace_slowest', 'call_id', 'strace_calls'),
    ('strace_processes', 'trace_id', 'strace_traces'),
    ('strace_unparsed', 'trace_id', 'strace_traces');
