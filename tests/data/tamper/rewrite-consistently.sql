-- Evidence bytes rewritten together with the artifacts row's hash and size:
-- only the hash the audit log recorded at collection time still tells.
UPDATE artifact_chunks SET data = CAST('nothing happened here' || char(10) AS BLOB)
 WHERE artifact_id = (SELECT id FROM artifacts WHERE name = 'dmesg.txt') AND seq = 0;
UPDATE artifacts SET sha256 = '0665cf24204aefc2d271b3c843c801f5778fc2d3c249109e6d55afcdbc59a4a3', size = 22
 WHERE name = 'dmesg.txt';
