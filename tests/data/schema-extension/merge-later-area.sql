-- Stands for a later Casebook's schema area (CASEBOOK_TEST_SCHEMA_EXTENSION):
-- merge must carry its rows and map their references generically.
CREATE TABLE later_area_rows (id INTEGER PRIMARY KEY, host_id INTEGER REFERENCES hosts(id),
                              artifact_id INTEGER REFERENCES artifacts(id), text TEXT NOT NULL) STRICT;
