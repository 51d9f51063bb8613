-- An artifact and its bytes deleted.
DELETE FROM artifact_chunks WHERE artifact_id = (SELECT id FROM artifacts WHERE name = 'ps.txt');
DELETE FROM artifacts WHERE name = 'ps.txt';
