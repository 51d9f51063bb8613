-- Stands for a later Casebook's schema areas (CASEBOOK_TEST_SCHEMA_EXTENSION):
-- redaction must reach a table of its own, a blob, an FTS5 index and, where it
-- cannot (a value in the schema itself), refuse by name.
CREATE TABLE later_area_peers (id INTEGER PRIMARY KEY, peer TEXT NOT NULL, raw BLOB, port INTEGER) STRICT;
CREATE VIRTUAL TABLE later_area_search USING fts5(body);
CREATE TABLE later_area_mounts (id INTEGER PRIMARY KEY, server TEXT DEFAULT 'nfs-leak-42');
