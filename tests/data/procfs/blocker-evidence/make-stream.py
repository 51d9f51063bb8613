#!/usr/bin/env python3
"""Writes stream-seed004.in/.err: a format-2 procfs snapshot stream in the
shape of seed 004 (php-fpm workers in flock(LOCK_EX) behind one holder on an
NFS mount, lockd not answering), plus a FUSE server, a zombie leader whose
thread sits in a memory cgroup, and a cap the script hit. Run once; the
outputs are committed beside their .expected."""
import os

TOKEN = "6c1f0a52-3b7e-4d8a-9e21-0f4b5c6d7e8f"
B = "@@" + TOKEN
HERE = os.path.dirname(os.path.abspath(__file__))


def esc(b: bytes) -> str:
    s = ""
    for c in b:
        if c == 0x5C:
            s += "\\\\"
        elif c == 9:
            s += "\\t"
        elif c < 32 or c >= 127:
            s += "\\%03o" % c
        else:
            s += chr(c)
    return s


def files(entries):
    out = ""
    for path, content in entries:
        for line in content.split("\n"):
            if line == "":
                continue
            out += esc(path.encode() + b"\0" + line.encode()) + "$\n"
    return out


def hdr(name):
    return "\n%s %s\n" % (B, name)


def stat(pid, tid, comm, state, ppid=1):
    return "%d (%s) %s %d 1 1 0 -1 4194560 100 0 0 0 10 5 0 0 20 0 1 0 5000 1000 100 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0" % (
        tid, comm, state, ppid)


workers = [3101, 3102, 3103]
holder = 2990
fused = 4500
zombie = 5000
zthread = 5001
tasks = [(holder, holder, "php-fpm", "S"), (fused, fused, "sshfs", "S"), (zombie, zombie, "java", "Z"),
         (zombie, zthread, "java", "D")] + [(w, w, "php-fpm", "D") for w in workers]

out = "CASEBOOK-PROCFS 2 %s\n" % TOKEN
err = ""
out += hdr("IDENTITY") + "0 root\n"
out += hdr("SAMPLE 1") + hdr("TIME") + "1700000000000000000\n"
out += hdr("TASKSTAT") + files([("%d/task/%d/stat" % (p, t), stat(p, t, c, s)) for p, t, c, s in tasks])
status = []
for p, t, c, s in tasks:
    pnd = "0000000000000100" if t == workers[0] else "0000000000000000"
    status.append(("%d/task/%d/status" % (p, t),
                   "State:\t%s (x)\nUid:\t33\t33\t33\t33\nPPid:\t1\nSigPnd:\t0000000000000000\nShdPnd:\t%s\nSigBlk:\t0000000000000000\n"
                   "voluntary_ctxt_switches:\t%d\nnonvoluntary_ctxt_switches:\t%d\n" % (s, pnd, 40 + t % 7, t % 3)))
out += hdr("TASKSTATUS") + files(status)
out += hdr("SCHEDSTAT") + files([("%d/task/%d/schedstat" % (p, t), "%d 2000 %d" % (1000000 + t, 10 + t % 5)) for p, t, c, s in tasks])
links = b""
for p, fd, target in [(holder, 0, "/dev/null"), (holder, 7, "/srv/web/sessions/lock"), (holder, 8, "socket:[91011]"),
                      (fused, 3, "/dev/fuse"), (fused, 4, "pipe:[5566]"), (workers[0], 7, "/srv/web/sessions/lock"),
                      (workers[1], 7, "/srv/web/sessions/lock"), (workers[2], 7, "/srv/web/sessions/lock (deleted)"),
                      (workers[2], 9, "anon_inode:[eventpoll]"), (777, 1, "/not/involved")]:
    links += b"%d/fd/%d\0%s\0" % (p, fd, target.encode())
links += b"%d/task/%d/fd/5\0socket:[4242]\0" % (zombie, zthread)
links += b"%d/task/%d/fd/5\0socket:[4242]\0" % (zombie, zombie)
out += hdr("LINKS") + links.decode()
out += hdr("LOCKS") + files([("locks",
                             "1: FLOCK  ADVISORY  WRITE %d 00:35:1835020 0 EOF\n"
                             "1: -> FLOCK  ADVISORY  WRITE %d 00:35:1835020 0 EOF\n"
                             "1: -> FLOCK  ADVISORY  WRITE %d 00:35:1835020 0 EOF\n"
                             "1:  -> FLOCK  ADVISORY  WRITE %d 00:35:1835020 0 EOF\n"
                             "2: OFDLCK ADVISORY  READ  -1 00:35:99 0 EOF\n" % (holder, *workers))])
out += hdr("INVOLVED") + "".join("d-state %d\n" % w for w in workers) + "d-state %d\n" % zombie
out += "".join("lock %d\n" % p for p in [holder] + workers) + "fuse-server %d\nzombie-leader %d\n" % (fused, zombie)
err += hdr("SAMPLE 1") + hdr("INVOLVED") + "casebook: capped: fd-targets: read 64 of 70 involved processes\n"
out += hdr("FDINFO") + files([("%d/fdinfo/7" % holder,
                               "pos:\t0\nflags:\t0100002\nmnt_id:\t88\nino:\t1835020\n"
                               "lock:\t1: FLOCK  ADVISORY  WRITE %d 00:35:1835020 0 EOF\n" % holder),
                              ("%d/fdinfo/3" % fused, "pos:\t0\nflags:\t02100002\nmnt_id:\t24\nino:\t229\n"),
                              ("%d/fdinfo/7" % workers[0], "pos:\t0\nflags:\t0100002\nmnt_id:\t88\nino:\t1835020\n")])
err += hdr("FDINFO") + "grep: %d/fdinfo/9: No such file or directory\n" % workers[2]
out += hdr("TASKCGROUP") + files([("%d/task/%d/cgroup" % (zombie, zombie), "0::/\n"),
                                  ("%d/task/%d/cgroup" % (zombie, zthread), "0::/system.slice/java.service\n")])
out += hdr("TASKCGROUPMEM") + files([("/sys/fs/cgroup/system.slice/java.service/memory.max", "2147483648\n"),
                                     ("/sys/fs/cgroup/system.slice/java.service/memory.current", "2147479552\n"),
                                     ("/sys/fs/cgroup/system.slice/java.service/memory.events",
                                      "low 0\nhigh 0\nmax 912\noom 3\noom_kill 3\noom_group_kill 0\n")])
out += hdr("MOUNTS") + files([("self/mountstats",
                               "device 10.1.84.31:/export/web mounted on /srv/web with fstype nfs statvers=1.1\n"
                               "\topts:\trw,vers=3,hard,proto=tcp,local_lock=none\n\tage:\t86400\n\tper-op statistics\n"
                               "\t        NULL: 1 1 0 44 24 0 0 0 0\n\t     GETATTR: 1200 1210 3 168000 134400 12 9600 9800 0\n")])
out += hdr("END-SAMPLE 1") + hdr("END")
with open(os.path.join(HERE, "stream-seed004.in"), "w") as f:
    f.write(out)
with open(os.path.join(HERE, "stream-seed004.err"), "w") as f:
    f.write(err)
