-- Casebook case file, schema 4: packet-capture summaries.
-- One pcap_captures row per capture imported or collected; everything else
-- hangs off it. Addresses are text as usual (dotted IPv4, RFC 5952 IPv6).

CREATE TABLE pcap_captures (
    id               INTEGER PRIMARY KEY,
    collection_id    INTEGER REFERENCES collections(id),
    host_id          INTEGER REFERENCES hosts(id),
    artifact_id      INTEGER REFERENCES artifacts(id),  -- raw capture, when kept
    source           TEXT NOT NULL DEFAULT '',          -- file path or 'tcpdump -i IFACE'
    format           TEXT NOT NULL DEFAULT '',          -- pcap, pcapng
    nanosecond       INTEGER NOT NULL DEFAULT 0,
    big_endian       INTEGER NOT NULL DEFAULT 0,
    input_bytes      INTEGER NOT NULL DEFAULT 0,
    packets          INTEGER NOT NULL DEFAULT 0,
    wire_bytes       INTEGER NOT NULL DEFAULT 0,
    captured_bytes   INTEGER NOT NULL DEFAULT 0,
    first_us         INTEGER,
    last_us          INTEGER,
    ipv4_packets     INTEGER NOT NULL DEFAULT 0,
    ipv6_packets     INTEGER NOT NULL DEFAULT 0,
    tcp_packets      INTEGER NOT NULL DEFAULT 0,
    udp_packets      INTEGER NOT NULL DEFAULT 0,
    icmp_packets     INTEGER NOT NULL DEFAULT 0,
    icmpv6_packets   INTEGER NOT NULL DEFAULT 0,
    other_ip_packets INTEGER NOT NULL DEFAULT 0,
    non_ip_packets   INTEGER NOT NULL DEFAULT 0,
    malformed_packets INTEGER NOT NULL DEFAULT 0,
    fragments        INTEGER NOT NULL DEFAULT 0,
    conversations    INTEGER NOT NULL DEFAULT 0,
    rpc_calls        INTEGER NOT NULL DEFAULT 0,
    rpc_replies      INTEGER NOT NULL DEFAULT 0,
    rpc_calls_capped INTEGER NOT NULL DEFAULT 0,      -- not every call has a pcap_rpc_calls row
    truncated        INTEGER NOT NULL DEFAULT 0,      -- the file ends mid-record
    error            TEXT,                            -- corruption that stopped reading
    created_us       INTEGER NOT NULL
) STRICT;
CREATE INDEX pcap_captures_collection ON pcap_captures(collection_id);

CREATE TABLE pcap_interfaces (
    capture_id       INTEGER NOT NULL REFERENCES pcap_captures(id) ON DELETE CASCADE,
    idx              INTEGER NOT NULL,
    link_type        INTEGER NOT NULL,
    link_name        TEXT NOT NULL,
    name             TEXT NOT NULL DEFAULT '',
    snap_length      INTEGER NOT NULL DEFAULT 0,
    ts_units_per_second INTEGER NOT NULL,
    packets          INTEGER NOT NULL DEFAULT 0,
    bytes            INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (capture_id, idx)
) STRICT, WITHOUT ROWID;

-- Bidirectional, per 5-tuple. Side A sent the first packet seen.
CREATE TABLE pcap_conversations (
    id               INTEGER PRIMARY KEY,
    capture_id       INTEGER NOT NULL REFERENCES pcap_captures(id) ON DELETE CASCADE,
    protocol         TEXT NOT NULL,          -- tcp, udp, icmp, icmpv6, ip-N
    ip_version       INTEGER NOT NULL,
    addr_a           TEXT NOT NULL,
    port_a           INTEGER NOT NULL,
    addr_b           TEXT NOT NULL,
    port_b           INTEGER NOT NULL,
    packets_ab       INTEGER NOT NULL,
    bytes_ab         INTEGER NOT NULL,
    packets_ba       INTEGER NOT NULL,
    bytes_ba         INTEGER NOT NULL,
    first_us         INTEGER NOT NULL,
    last_us          INTEGER NOT NULL,
    handshake        TEXT NOT NULL DEFAULT '', -- completed, refused, unanswered, incomplete, midstream ('' not TCP)
    syn_count        INTEGER NOT NULL DEFAULT 0,
    synack_count     INTEGER NOT NULL DEFAULT 0,
    rst_ab           INTEGER NOT NULL DEFAULT 0,
    rst_ba           INTEGER NOT NULL DEFAULT 0,
    fin_ab           INTEGER NOT NULL DEFAULT 0,
    fin_ba           INTEGER NOT NULL DEFAULT 0,
    retransmissions  INTEGER NOT NULL DEFAULT 0,
    zero_window      INTEGER NOT NULL DEFAULT 0,
    icmp_unreachable INTEGER NOT NULL DEFAULT 0, -- ICMP errors quoting this conversation (port unreachable...)
    rpc              INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX pcap_conversations_capture ON pcap_conversations(capture_id);
CREATE INDEX pcap_conversations_destination ON pcap_conversations(capture_id, addr_b, port_b);

CREATE TABLE pcap_endpoints (
    capture_id       INTEGER NOT NULL REFERENCES pcap_captures(id) ON DELETE CASCADE,
    address          TEXT NOT NULL,
    packets_sent     INTEGER NOT NULL,
    bytes_sent       INTEGER NOT NULL,
    packets_received INTEGER NOT NULL,
    bytes_received   INTEGER NOT NULL,
    conversations    INTEGER NOT NULL,
    PRIMARY KEY (capture_id, address)
) STRICT, WITHOUT ROWID;

-- Per protocol (port -1) and per service port (the responder's port).
CREATE TABLE pcap_ports (
    capture_id       INTEGER NOT NULL REFERENCES pcap_captures(id) ON DELETE CASCADE,
    protocol         TEXT NOT NULL,
    port             INTEGER NOT NULL,
    packets          INTEGER NOT NULL,
    bytes            INTEGER NOT NULL,
    conversations    INTEGER NOT NULL,
    PRIMARY KEY (capture_id, protocol, port)
) STRICT, WITHOUT ROWID;

CREATE TABLE pcap_rpc_procedures (
    id               INTEGER PRIMARY KEY,
    capture_id       INTEGER NOT NULL REFERENCES pcap_captures(id) ON DELETE CASCADE,
    program          INTEGER NOT NULL,
    version          INTEGER NOT NULL,
    procedure        INTEGER NOT NULL,
    operation        INTEGER NOT NULL DEFAULT 0,  -- NFSv4 COMPOUND main operation
    program_name     TEXT NOT NULL,
    procedure_name   TEXT NOT NULL,
    transport        TEXT NOT NULL,               -- tcp, udp, tcp+udp
    calls            INTEGER NOT NULL,
    retransmits      INTEGER NOT NULL,
    replies          INTEGER NOT NULL,
    errors           INTEGER NOT NULL,
    unanswered       INTEGER NOT NULL,
    latency_min_us   INTEGER,
    latency_avg_us   INTEGER,
    latency_max_us   INTEGER
) STRICT;
CREATE INDEX pcap_rpc_procedures_capture ON pcap_rpc_procedures(capture_id);

CREATE TABLE pcap_rpc_calls (
    id               INTEGER PRIMARY KEY,
    capture_id       INTEGER NOT NULL REFERENCES pcap_captures(id) ON DELETE CASCADE,
    conversation_id  INTEGER REFERENCES pcap_conversations(id),
    xid              INTEGER NOT NULL,
    client           TEXT NOT NULL,              -- address:port
    server           TEXT NOT NULL,
    program          INTEGER NOT NULL,
    version          INTEGER NOT NULL,
    procedure        INTEGER NOT NULL,
    program_name     TEXT NOT NULL,
    procedure_name   TEXT NOT NULL,
    operations       TEXT NOT NULL DEFAULT '',   -- NFSv4 COMPOUND: SEQUENCE,PUTFH,READ
    call_us          INTEGER NOT NULL,
    reply_us         INTEGER,                    -- NULL: never answered
    latency_us       INTEGER,
    status           TEXT NOT NULL,              -- success, prog_unavail..., denied, unanswered
    retransmits      INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX pcap_rpc_calls_capture ON pcap_rpc_calls(capture_id);

-- From portmapper/rpcbind DUMP, GETPORT and GETADDR replies. port 0: the
-- server answered that the program is not registered.
CREATE TABLE pcap_rpc_registrations (
    capture_id       INTEGER NOT NULL REFERENCES pcap_captures(id) ON DELETE CASCADE,
    server           TEXT NOT NULL,
    program          INTEGER NOT NULL,
    version          INTEGER NOT NULL,
    protocol         TEXT NOT NULL,
    port             INTEGER NOT NULL,
    program_name     TEXT NOT NULL,
    source           TEXT NOT NULL               -- dump, getport
) STRICT;
CREATE INDEX pcap_rpc_registrations_capture ON pcap_rpc_registrations(capture_id);

CREATE TABLE pcap_warnings (
    capture_id       INTEGER NOT NULL REFERENCES pcap_captures(id) ON DELETE CASCADE,
    seq              INTEGER NOT NULL,
    message          TEXT NOT NULL,
    PRIMARY KEY (capture_id, seq)
) STRICT, WITHOUT ROWID;
