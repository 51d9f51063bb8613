-- expect: view recent_notes (not created by Casebook)
CREATE VIEW recent_notes AS SELECT * FROM notes ORDER BY id DESC;
