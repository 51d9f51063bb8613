#!/usr/bin/env bash
# Seed 003's network half, inside a fresh network namespace (unshare -n):
# SYNs to 127.0.0.1:23119 are dropped (iptables DROP on loopback), tcpdump
# records the window, strace records a connect() that never returns.
# Usage: seed003_scenario.sh OUTDIR
set -u
OUT=$1
ip link set lo up
iptables -A INPUT -p tcp --dport 23119 -j DROP
tcpdump -i lo -U -s 0 -w "$OUT/seed003.pcap" 2>"$OUT/tcpdump.err" &
TCPDUMP=$!
for _ in $(seq 300); do grep -q listening "$OUT/tcpdump.err" 2>/dev/null && break; sleep 0.1; done
# The hung connect: killed by timeout after 3 s, so strace records it unfinished.
strace -f -tt -y -yy -o "$OUT/seed003-connect.strace" timeout -s KILL 3 bash -c 'exec 3<>/dev/tcp/127.0.0.1/23119' 2>/dev/null
# Grace for tcpdump to read the last packets out of the kernel (-U writes each as read).
sleep 0.5
kill -INT $TCPDUMP
wait $TCPDUMP
exit 0
