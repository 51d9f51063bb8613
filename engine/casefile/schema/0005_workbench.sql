-- Schema 5: the workbench.
-- Markers placed on the timeline are rows of `events` with source 'marker' and
-- kind marker-detection / marker-diagnosis / marker-repair / marker-key-moment.
-- Notes keep tags in notes.tags and link evidence inline ([[finding:12]]).
--
-- The timeline reads `events` per lane (host, source) and time window; this
-- index lets SQLite answer those range scans and per-bucket counts from the
-- index alone, without touching the table.
CREATE INDEX events_lane_time ON events(host_id, source, at_us);
