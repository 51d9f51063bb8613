-- The append-only triggers dropped (and left dropped).
DROP TRIGGER audit_log_no_update;
DROP TRIGGER audit_log_no_delete;
