#!/usr/bin/env bash
# Runs inside a fresh network namespace (unshare -n): captures loopback traffic
# of known shape with tcpdump. Usage: capture_scenario.sh OUTDIR HELPER
set -u
OUT=$1
HELPER=$2
ip link set lo up
# Inside the namespace only: SYNs to 2049/tcp and datagrams to 4045/udp vanish.
iptables -A INPUT -p tcp --dport 2049 -j DROP
iptables -A INPUT -p udp --dport 4045 -j DROP
tcpdump -i lo -U -s 0 -w "$OUT/live.pcap" 2>"$OUT/tcpdump.err" &
TCPDUMP=$!
# The same traffic seen through "any": Linux cooked capture (SLL2 or SLL).
tcpdump -i any -U -s 0 -w "$OUT/any.pcap" 2>"$OUT/tcpdump-any.err" &
TCPDUMP_ANY=$!
for _ in $(seq 300); do grep -q listening "$OUT/tcpdump.err" 2>/dev/null && grep -q listening "$OUT/tcpdump-any.err" 2>/dev/null && break; sleep 0.1; done
# HTTP on loopback: two GETs.
"$HELPER" http-serve 8080 2 "$OUT/ready" &
SERVER=$!
for _ in $(seq 300); do [ -e "$OUT/ready" ] && break; sleep 0.1; done
"$HELPER" http-get 127.0.0.1 8080 /index.html >"$OUT/get1.txt"
"$HELPER" http-get 127.0.0.1 8080 /other >"$OUT/get2.txt"
wait $SERVER
# A refused connect (nothing listens on 9).
(exec 3<>/dev/tcp/127.0.0.1/9) 2>/dev/null
# SYNs never answered (dropped): the kernel retries at ~1 s and ~3 s.
timeout 4 bash -c 'exec 3<>/dev/tcp/127.0.0.1/2049' 2>/dev/null
# Real ONC RPC: rpcbind, queried with rpcinfo.
if command -v rpcbind >/dev/null && command -v rpcinfo >/dev/null; then
    rpcbind -w -f &
    RPCBIND=$!
    for _ in $(seq 300); do ss -ltn | grep -q ":111 " && break; sleep 0.1; done
    rpcinfo -p 127.0.0.1 >"$OUT/rpcinfo-p.txt" 2>&1
    rpcinfo -T udp 127.0.0.1 100024 >"$OUT/rpcinfo-status.txt" 2>&1
    # A NULL call to nlockmgr at a port whose datagrams are dropped: never answered.
    timeout 3 rpcinfo -T udp -a 127.0.0.1.15.205 100021 4 >"$OUT/rpcinfo-nlm.txt" 2>&1
    kill $RPCBIND
    wait $RPCBIND 2>/dev/null
fi
# Grace for tcpdump to read the last packets out of the kernel before it is
# stopped (they were sent seconds ago; -U writes each one as it is read).
sleep 0.5
kill -INT $TCPDUMP $TCPDUMP_ANY
wait $TCPDUMP $TCPDUMP_ANY
exit 0
