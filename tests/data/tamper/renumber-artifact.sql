-- An artifact hidden by moving its row (and its bytes) to another id.
UPDATE artifact_chunks SET artifact_id = artifact_id + 1000
 WHERE artifact_id = (SELECT id FROM artifacts WHERE name = 'ps.txt');
UPDATE artifacts SET id = id + 1000 WHERE name = 'ps.txt';
