-- expect: trigger audit_log_no_delete (its SQL was changed)
-- The append-only guard replaced by one that lets deletions through.
DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT 1; END;
