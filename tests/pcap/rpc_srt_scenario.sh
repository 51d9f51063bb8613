#!/usr/bin/env bash
# Runs inside a fresh network namespace (unshare -n): tcpdump captures NFSv3
# over ONC RPC/TCP on loopback between pcap_net_helper's rpc-serve and
# rpc-client: WRITE calls and READ replies of BYTES each, written in two
# record-marking fragments with a pause between them (so each record spans
# many segments). Usage: rpc_srt_scenario.sh OUTDIR HELPER ROUNDS BYTES
set -u
OUT=$1
HELPER=$2
ROUNDS=$3
BYTES=$4
ip link set lo up
tcpdump -i lo -U -s 0 -B 65536 -w "$OUT/rpc.pcap" 'tcp port 2049' 2>"$OUT/tcpdump.err" &
TCPDUMP=$!
for _ in $(seq 300); do grep -q listening "$OUT/tcpdump.err" 2>/dev/null && break; sleep 0.1; done
"$HELPER" rpc-serve 2049 "$OUT/ready" &
SERVER=$!
for _ in $(seq 300); do [ -e "$OUT/ready" ] && break; sleep 0.1; done
"$HELPER" rpc-client 127.0.0.1 2049 "$ROUNDS" "$BYTES"
CLIENT=$?
wait $SERVER
SERVED=$?
# Grace for tcpdump to read the last packets out of the kernel before it is
# stopped (-U writes each one as it is read).
sleep 0.5
kill -INT $TCPDUMP
wait $TCPDUMP
[ $CLIENT = 0 ] && [ $SERVED = 0 ]
