-- Schema 6: incident reports and sharing.

-- Public-facing status updates, timestamped, as posted during the incident
-- (newest last). Included in the report.
CREATE TABLE status_updates (
    id               INTEGER PRIMARY KEY,
    at_us            INTEGER NOT NULL,
    text             TEXT NOT NULL,
    author           TEXT NOT NULL DEFAULT '',
    created_us       INTEGER NOT NULL
) STRICT;
CREATE INDEX status_updates_time ON status_updates(at_us);

-- Follow-up work agreed in the review.
CREATE TABLE action_items (
    id               INTEGER PRIMARY KEY,
    text             TEXT NOT NULL,
    owner            TEXT NOT NULL DEFAULT '',
    due_us           INTEGER,
    status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','dropped')),
    created_us       INTEGER NOT NULL
) STRICT;

-- Events the user chose for the report's series of events (markers and
-- findings are always included).
CREATE TABLE report_events (
    event_id         INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    chosen_us        INTEGER NOT NULL
) STRICT;

-- Report text as last edited by the user, one per language.
CREATE TABLE report_drafts (
    lang             TEXT PRIMARY KEY,
    markdown         TEXT NOT NULL,
    modified_us      INTEGER NOT NULL,
    author           TEXT NOT NULL DEFAULT ''
) STRICT;

-- Pseudonyms used by redacted exports, so every export of this case uses the
-- same host-1/192.0.2.1/user-1. Kept only in the original: an export's copy
-- of this table is emptied.
CREATE TABLE redaction_map (
    kind             TEXT NOT NULL,          -- host, ip, ipv6, user, email, mac, term
    original         TEXT NOT NULL,
    pseudonym        TEXT NOT NULL,
    created_us       INTEGER NOT NULL,
    PRIMARY KEY (kind, original)
) STRICT, WITHOUT ROWID;
