#!/usr/bin/env python3
"""Builds seed004-nfs.snapshot (run once; the output is committed): seed 004's
host web3 as the write-up describes it, in the exact stream format of
procfs-snapshot.sh (through tests/data/procfs/make-fixtures.py): php-fpm
workers in D in an NFSv3 flock (nlmclnt_lock over sunrpc), the NFSv3 mount of
10.1.84.31, rpc-statd inactive, and rpcinfo -p without the status program
(100024). Two samples, two seconds apart."""
import calendar
import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("make_fixtures", os.path.join(HERE, "../../procfs/make-fixtures.py"))
mf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mf)

with open(os.path.join(HERE, "../stacks/seed004-nfs-flock.stack")) as f:
    NFS_FLOCK = "".join(line for line in f if not line.startswith("#"))

tasks = [mf.Task(1, 1, 0, 0, "systemd", "S", "S", "ep_poll", mf.EPOLL),
         mf.Task(14400, 14400, 1, 33, "php-fpm", "S", "S", "ep_poll", mf.EPOLL, b"php-fpm: master process\0")]
for pid in range(14437, 14443):
    tasks.append(mf.Task(pid, pid, 14400, 33, "php-fpm", "D", "D", "rpc_wait_bit_killable", NFS_FLOCK))
out = mf.snapshot(tasks, calendar.timegm((2019, 8, 26, 15, 5, 0)), 927100.0, "6.10 6.02 5.80 1/200 14500",
                  [(0, "root"), (33, "www-data")], services=[("rpc-statd", "inactive"), ("rpcbind", "active")], samples=2)
out = out.replace("cell-z1-17", "web3")
root = b"21 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw\n"
nfs = (b"40 21 0:50 / /srv rw,relatime shared:30 - nfs 10.1.84.31:/export/srv rw,vers=3,rsize=1048576,wsize=1048576,"
       b"namlen=255,hard,proto=tcp,timeo=600,retrans=2,sec=sys,mountaddr=10.1.84.31,mountvers=3,mountport=20048,"
       b"mountproto=udp,local_lock=none,addr=10.1.84.31\n")
out = out.replace(mf.files([("self/mountinfo", root)]), mf.files([("self/mountinfo", root + nfs)]))
rpcinfo = ("   program vers proto   port  service\n"
           "    100000    4   tcp    111  portmapper\n"
           "    100000    2   udp    111  portmapper\n"
           "    100021    4   tcp  38449  nlockmgr\n")
out = out.replace(mf.hdr("END-SAMPLE 1"), mf.hdr("RPCINFO") + rpcinfo + mf.hdr("END-SAMPLE 1"))
out = out.replace(mf.hdr("END-SAMPLE 2"), mf.hdr("RPCINFO") + rpcinfo + mf.hdr("END-SAMPLE 2"))
open(os.path.join(HERE, "seed004-nfs.snapshot"), "w", encoding="latin-1").write(out)
