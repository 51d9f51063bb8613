-- Evidence bytes edited in place; the artifacts row is left alone.
UPDATE artifact_chunks SET data = CAST('[    0.000000] nothing to see' || char(10) AS BLOB)
 WHERE artifact_id = (SELECT id FROM artifacts WHERE name = 'dmesg.txt') AND seq = 0;
