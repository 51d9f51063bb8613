-- Schema 14: strace fd paths followed without -y (engine/strace/StraceFdTracker).
-- fd_path is either what strace -y/-yy printed (fd_inferred = 0) or what the
-- log's own open*/dup*/socket/connect/accept/close calls say the fd was
-- (fd_inferred = 1): shown as such, never as if strace had printed it.
ALTER TABLE strace_calls ADD COLUMN fd_inferred INTEGER NOT NULL DEFAULT 0;
