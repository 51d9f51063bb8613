-- What every row of one collection points at, by value rather than by id.
-- tests/report/MergeEvidenceTest runs each query (?1 = a collection's uuid)
-- on the merged-from case and on the merged case: the rows must be equal.
-- Queries are separated by a line holding only ';'.
SELECT s.sample_index, s.taken_us, s.hostname, h.name, a.kind, a.sha256
FROM procfs_snapshots s JOIN collections c ON c.id = s.collection_id
LEFT JOIN hosts h ON h.id = s.host_id LEFT JOIN artifacts a ON a.id = s.artifact_id
WHERE c.uuid = ?1 ORDER BY s.id
;
SELECT s.taken_us, t.pid, t.tid, t.comm, t.state, st.signature, a.kind, a.sha256
FROM procfs_tasks t JOIN procfs_snapshots s ON s.id = t.snapshot_id JOIN collections c ON c.id = s.collection_id
LEFT JOIN procfs_stacks st ON st.id = t.stack_id LEFT JOIN artifacts a ON a.id = s.artifact_id
WHERE c.uuid = ?1 ORDER BY t.id
;
SELECT s.taken_us, k.section, k.key, k.value
FROM procfs_host_values k JOIN procfs_snapshots s ON s.id = k.snapshot_id JOIN collections c ON c.id = s.collection_id
WHERE c.uuid = ?1 ORDER BY k.rowid
;
SELECT k.seq, k.text, e.kind, e.summary, a.kind, a.sha256
FROM kernel_log_lines k JOIN collections c ON c.id = k.collection_id
LEFT JOIN events e ON e.id = k.event_id LEFT JOIN artifacts a ON a.id = k.artifact_id
WHERE c.uuid = ?1 ORDER BY k.id
;
SELECT tr.name, a.kind, a.sha256, sc.line, sc.pid, sc.syscall, sc.args
FROM strace_calls sc JOIN strace_traces tr ON tr.id = sc.trace_id JOIN collections c ON c.id = tr.collection_id
LEFT JOIN artifacts a ON a.id = tr.artifact_id
WHERE c.uuid = ?1 ORDER BY sc.id
;
SELECT tr.name, tr.calls, fc.line, lc.line,
       (SELECT count(*) FROM strace_calls x WHERE x.trace_id = tr.id AND x.id BETWEEN tr.first_call_id AND tr.last_call_id)
FROM strace_traces tr JOIN collections c ON c.id = tr.collection_id
LEFT JOIN strace_calls fc ON fc.id = tr.first_call_id LEFT JOIN strace_calls lc ON lc.id = tr.last_call_id
WHERE c.uuid = ?1 ORDER BY tr.id
;
SELECT tr.name, sc.line, sc.syscall, sl.duration_us
FROM strace_slowest sl JOIN strace_traces tr ON tr.id = sl.trace_id JOIN collections c ON c.id = tr.collection_id
JOIN strace_calls sc ON sc.id = sl.call_id
WHERE c.uuid = ?1 ORDER BY sl.rowid
;
SELECT tr.name, st.pid, st.syscall, st.calls
FROM strace_stats st JOIN strace_traces tr ON tr.id = st.trace_id JOIN collections c ON c.id = tr.collection_id
WHERE c.uuid = ?1 ORDER BY st.rowid
;
SELECT p.pid, p.parent_pid, p.exec, tr.name
FROM strace_processes p JOIN collections c ON c.id = p.collection_id LEFT JOIN strace_traces tr ON tr.id = p.trace_id
WHERE c.uuid = ?1 ORDER BY p.id
;
SELECT p.source, p.format, p.packets, a.kind, a.sha256,
       (SELECT count(*) FROM pcap_conversations v WHERE v.capture_id = p.id),
       (SELECT count(*) FROM pcap_interfaces i WHERE i.capture_id = p.id)
FROM pcap_captures p JOIN collections c ON c.id = p.collection_id LEFT JOIN artifacts a ON a.id = p.artifact_id
WHERE c.uuid = ?1 ORDER BY p.id
;
SELECT r.xid, r.procedure_name, v.protocol, v.addr_a, v.port_a, v.addr_b, v.port_b
FROM pcap_rpc_calls r JOIN pcap_captures p ON p.id = r.capture_id JOIN collections c ON c.id = p.collection_id
LEFT JOIN pcap_conversations v ON v.id = r.conversation_id
WHERE c.uuid = ?1 ORDER BY r.id
;
SELECT e.kind, e.source, e.summary, e.ref_kind, h.name,
       coalesce(l.text, s.taken_us, v.addr_a || ' ' || v.addr_b || ':' || v.port_b, sc.syscall || ' line ' || sc.line)
FROM events e JOIN collections c ON c.id = e.collection_id LEFT JOIN hosts h ON h.id = e.host_id
LEFT JOIN kernel_log_lines l ON e.ref_kind = 'kernel-log-line' AND l.id = e.ref_id
LEFT JOIN procfs_snapshots s ON e.ref_kind = 'snapshot' AND s.id = e.ref_id
LEFT JOIN pcap_conversations v ON e.ref_kind = 'conversation' AND v.id = e.ref_id
LEFT JOIN strace_calls sc ON e.ref_kind = 'strace-call' AND sc.id = e.ref_id
WHERE c.uuid = ?1 ORDER BY e.id
;
SELECT f.kind, f.title, h.name, fe.ref_kind, fe.label,
       coalesce(a.sha256, t.comm || '/' || t.tid, st.signature, e.summary, s.taken_us,
                v.addr_a || ' ' || v.addr_b || ':' || v.port_b, sc.syscall || ' line ' || sc.line)
FROM finding_evidence fe JOIN findings f ON f.id = fe.finding_id JOIN collections c ON c.id = f.collection_id
LEFT JOIN hosts h ON h.id = f.host_id
LEFT JOIN artifacts a ON fe.ref_kind = 'artifact' AND a.id = fe.ref_id
LEFT JOIN procfs_tasks t ON fe.ref_kind = 'task' AND t.id = fe.ref_id
LEFT JOIN procfs_stacks st ON fe.ref_kind = 'stack' AND st.id = fe.ref_id
LEFT JOIN events e ON fe.ref_kind = 'kernel-event' AND e.id = fe.ref_id
LEFT JOIN procfs_snapshots s ON fe.ref_kind = 'snapshot' AND s.id = fe.ref_id
LEFT JOIN pcap_conversations v ON fe.ref_kind = 'conversation' AND v.id = fe.ref_id
LEFT JOIN strace_calls sc ON fe.ref_kind = 'strace-call' AND sc.id = fe.ref_id
WHERE c.uuid = ?1 ORDER BY fe.rowid
;
SELECT f.kind, f.title, p.source, s.taken_us, e.summary
FROM findings f JOIN collections c ON c.id = f.collection_id
LEFT JOIN pcap_captures p ON p.id = json_extract(f.data, '$.capture_id')
LEFT JOIN procfs_snapshots s ON s.id = json_extract(f.data, '$.snapshot_id')
LEFT JOIN events e ON e.id = json_extract(f.data, '$.event_id')
WHERE c.uuid = ?1 ORDER BY f.id
