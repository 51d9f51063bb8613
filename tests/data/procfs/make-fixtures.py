#!/usr/bin/env python3
"""Builds the procfs snapshot fixtures from the seed write-ups (run once; the
outputs are committed). The data is seed 000's ps/status/stack excerpts (Envoy
tasks in D on flush_work, zombie threads shown as D, the kworker in
synchronize_srcu) and seed 001's zombie re-parented to init that keeps its
port, written in the exact stream format of procfs-snapshot.sh."""
import calendar
import time

TOKEN = "0e5b1d9c-7f3a-4c2e-9b8d-5a6f7e8d9c0b"
B = "@@" + TOKEN


def esc(data: bytes) -> str:
    out = []
    lines = data.split(b"\n")
    if data.endswith(b"\n"):
        lines = lines[:-1]
    for line in lines:
        s = ""
        for c in line:
            if c == 0x5C:
                s += "\\\\"
            elif c in (7, 8, 12, 13, 9, 11):
                s += {7: "\\a", 8: "\\b", 12: "\\f", 13: "\\r", 9: "\\t", 11: "\\v"}[c]
            elif c < 32 or c >= 127:
                s += "\\%03o" % c
            else:
                s += chr(c)
        out.append(s + "$")
    return "\n".join(out) + ("\n" if out else "")


def files(entries):
    s = ""
    for path, content in entries:
        if not content:
            continue
        s += path + "\n" + esc(content)
    return s


def hdr(name):
    return "\n%s %s\n" % (B, name)


FLUSH = """[<0>] flush_work+0x129/0x1e0
[<0>] flush_delayed_work+0x3f/0x50
[<0>] fsnotify_wait_marks_destroyed+0x15/0x20
[<0>] fsnotify_destroy_group+0x48/0xd0
[<0>] inotify_release+0x1e/0x50
[<0>] __fput+0xea/0x220
[<0>] ____fput+0xe/0x10
[<0>] task_work_run+0x8a/0xb0
[<0>] do_exit+0x2de/0xb50
[<0>] do_group_exit+0x43/0xb0
[<0>] get_signal+0x296/0x5c0
[<0>] do_signal+0x37/0x740
[<0>] exit_to_usermode_loop+0x80/0xd0
[<0>] do_syscall_64+0xf4/0x130
[<0>] entry_SYSCALL_64_after_hwframe+0x3d/0xa2
[<0>] 0xffffffffffffffff
"""
SRCU = """[<0>] __synchronize_srcu.part.13+0x85/0xb0
[<0>] synchronize_srcu+0xd3/0xe0
[<0>] fsnotify_mark_destroy_workfn+0x7c/0xe0
[<0>] process_one_work+0x14d/0x410
[<0>] worker_thread+0x22b/0x460
[<0>] kthread+0x105/0x140
[<0>] ret_from_fork+0x35/0x40
[<0>] 0xffffffffffffffff
"""
INOTIFY_READ = """[<0>] wait_woken+0x43/0x80
[<0>] inotify_read+0x275/0x3e0
[<0>] __vfs_read+0x1b/0x40
[<0>] vfs_read+0x93/0x130
[<0>] SyS_read+0x55/0xc0
[<0>] do_syscall_64+0x73/0x130
[<0>] entry_SYSCALL_64_after_hwframe+0x3d/0xa2
[<0>] 0xffffffffffffffff
"""
EPOLL = """[<0>] ep_poll+0x2b4/0x3a0
[<0>] SyS_epoll_wait+0xc2/0xe0
[<0>] do_syscall_64+0x73/0x130
[<0>] entry_SYSCALL_64_after_hwframe+0x3d/0xa2
[<0>] 0xffffffffffffffff
"""
STATE_NAME = {"R": "R (running)", "S": "S (sleeping)", "D": "D (disk sleep)", "Z": "Z (zombie)", "I": "I (idle)"}


class Task:
    def __init__(self, pid, tid, ppid, uid, comm, state, status_state, wchan, stack, cmdline=b"", cgroup="0::/\n",
                 fds=(), start=1000):
        self.__dict__.update(locals())


def stat_line(t, nthreads):
    comm = t.comm if isinstance(t.comm, bytes) else t.comm.encode()
    rest = "%s %d %d %d 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 %d 0 %d 1000000 100 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0" % (
        t.state, t.ppid, t.pid, t.pid, nthreads, t.start)
    return b"%d (" % t.tid + comm + b") " + rest.encode() + b"\n"


def status_text(t):
    name = t.comm if isinstance(t.comm, bytes) else t.comm.encode()
    name = name.replace(b"\\", b"\\\\").replace(b"\n", b"\\n").replace(b"\t", b"\\t")
    return (b"Name:\t" + name + b"\n" + ("State:\t%s\nTgid:\t%d\nPid:\t%d\nPPid:\t%d\nUid:\t%d\t%d\t%d\t%d\nNSpid:\t%d\n" % (
        STATE_NAME[t.status_state], t.pid, t.tid, t.ppid, t.uid, t.uid, t.uid, t.uid, t.tid)).encode())


def snapshot(tasks, taken, uptime, loadavg, passwd, extra_links=(), net="", cgmem=(), services=(), samples=1):
    out = "CASEBOOK-PROCFS 1 %s\n" % TOKEN
    out += hdr("HOST") + files([("sys/kernel/ostype", b"Linux\n"), ("sys/kernel/osrelease", b"4.15.0-45-generic\n"),
                               ("sys/kernel/hostname", b"cell-z1-17\n")])
    out += hdr("OSRELEASE") + esc(b'PRETTY_NAME="Ubuntu 16.04.5 LTS"\nID=ubuntu\n')
    out += hdr("PASSWD") + "".join("%d %s\n" % (u, n) for u, n in passwd)
    btime = taken - int(uptime)
    for i in range(1, samples + 1):
        ts = taken + (i - 1) * 2
        out += hdr("SAMPLE %d" % i)
        out += hdr("TIME") + "%d\n" % (ts * 1000000000)
        running = sum(1 for t in tasks if t.state == "R")
        blocked = sum(1 for t in tasks if t.state == "D")
        out += hdr("PROC") + files([
            ("uptime", b"%.2f 100.00\n" % (uptime + (i - 1) * 2)),
            ("loadavg", loadavg.encode() + b"\n"),
            ("stat", b"cpu  1 2 3 4\nbtime %d\nprocs_running %d\nprocs_blocked %d\n" % (btime, running, blocked)),
            ("meminfo", b"MemTotal:       16384000 kB\nMemAvailable:   12000000 kB\n")])
        out += hdr("PSI")
        out += hdr("TASKSTAT")
        nthreads = {}
        for t in tasks:
            nthreads[t.pid] = nthreads.get(t.pid, 0) + 1
        out += files([("%d/task/%d/stat" % (t.pid, t.tid), stat_line(t, nthreads[t.pid])) for t in tasks])
        out += hdr("TASKSTATUS") + files([("%d/task/%d/status" % (t.pid, t.tid), status_text(t)) for t in tasks])
        out += hdr("WCHAN") + files([("%d/task/%d/wchan" % (t.pid, t.tid), (t.wchan or "0").encode()) for t in tasks])
        out += hdr("STACK") + files([("%d/task/%d/stack" % (t.pid, t.tid), t.stack.encode()) for t in tasks])
        procs = {}
        for t in tasks:
            procs.setdefault(t.pid, t)
        out += hdr("CGROUP") + files([("%d/cgroup" % p, t.cgroup.encode()) for p, t in sorted(procs.items())])
        dprocs = sorted({t.pid for t in tasks if t.state == "D"})
        out += hdr("SKIPPED-CMDLINE") + "".join("%d\n" % p for p in dprocs)
        out += hdr("CMDLINE") + files([("%d/cmdline" % p, t.cmdline) for p, t in sorted(procs.items()) if p not in dprocs])
        links = b""
        for t in tasks:
            if t.pid == t.tid:
                links += b"%d/ns/pid\0pid:[4026531836]\0" % t.pid
        for p, fd, target in extra_links:
            links += p.encode() + b"/fd/" + str(fd).encode() + b"\0" + target.encode() + b"\0"
        out += hdr("LINKS") + links.decode("latin-1")
        out += hdr("CGROUPMEM") + files(list(cgmem))
        out += hdr("MOUNTS") + files([("self/mountinfo", b"21 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw\n")])
        out += hdr("NET") + files([("net/tcp", net.encode())]) if net else hdr("NET")
        if services:
            out += hdr("SERVICES") + "".join("%s %s\n" % s for s in services)
        out += hdr("END-SAMPLE %d" % i)
    out += hdr("END")
    return out


def seed000():
    tasks = []
    envoy_uid = 4294967294
    def envoy(pid, tid, ppid, state="D", status="D", stack=FLUSH, wchan="flush_work", fds=()):
        tasks.append(Task(pid, tid, ppid, envoy_uid, "envoy", state, status, wchan, stack,
                          cgroup="4:memory:/garden/app-%d\n0::/\n" % pid))
    tasks.append(Task(1, 1, 0, 0, "systemd", "S", "S", "ep_poll", EPOLL, b"/sbin/init\0"))
    tasks.append(Task(1956364, 1956364, 1, 0, "tail", "S", "S", "inotify_read", INOTIFY_READ, b"tail\0-f\0foo\0"))
    tasks.append(Task(129652, 3129652, 2, 0, "kworker/u4:3", "D", "D", "synchronize_srcu.part.13", SRCU))
    # The leaders and threads of seed 000's ps output.
    envoy(609490, 609490, 609405)
    envoy(609491, 609503, 608270)
    envoy(609521, 609521, 609490)
    for tid in (609524, 609525, 609528, 609529, 609530, 609531, 609532):
        envoy(609521, tid, 609490, status="Z", stack="", wchan="")   # zombies in disguise
    envoy(3013281, 3013281, 3013154)
    for tid in (3013283, 3013284, 3013285, 3013287, 3013288):
        envoy(3013281, tid, 3013154, status="Z", stack="", wchan="")
    envoy(3977870, 3977870, 3977800)
    # "I threw some more awk and xargs at the 60 confirmed D-States to verify
    # they all had the same stack": the rest of the 60, a few at other offsets.
    for i in range(55):
        stack = FLUSH if i % 9 else FLUSH.replace("flush_work+0x129/0x1e0", "flush_work+0x12c/0x1e0")
        envoy(3100000 + i * 10, 3100000 + i * 10, 3013154, stack=stack)
    return snapshot(tasks, calendar.timegm((2018, 10, 23, 11, 38, 33)), 772020.0, "280.12 280.13 280.10 2/1200 3013999",
                    [(0, "root")], samples=2)


def seed001():
    tasks = []
    tasks.append(Task(1, 1, 0, 0, "init", "S", "S", "ep_poll", EPOLL, b"/sbin/init\0"))
    # The service: leader a zombie re-parented to init, a thread stuck in the
    # cgroup OOM path still holding the listening socket.
    cg = "4:memory:/rain/slice-42\n0::/\n"
    tasks.append(Task(4242, 4242, 1, 1000, "java", "Z", "Z", "", "", cgroup=cg))
    tasks.append(Task(4242, 4250, 1, 1000, "java", "D", "D", "mem_cgroup_oom_synchronize",
                      "[<0>] mem_cgroup_oom_synchronize+0x2f4/0x330\n[<0>] pagefault_out_of_memory+0x36/0x7b\n"
                      "[<0>] mm_fault_error+0x8f/0x190\n[<0>] __do_page_fault+0x4a3/0x4d0\n", cgroup=cg))
    tasks.append(Task(5000, 5000, 1, 1000, "java", "S", "S", "ep_poll", EPOLL, b"java\0-jar\0svc.jar\0", cgroup=cg))
    net = ("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
           "   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 77777 1 0 100 0 0 10 0\n"
           "   1: 0100007F:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 88888 1 0 100 0 0 10 0\n")
    cgmem = [("/sys/fs/cgroup/memory/rain/slice-42/memory.limit_in_bytes", b"2147483648\n"),
             ("/sys/fs/cgroup/memory/rain/slice-42/memory.usage_in_bytes", b"2147336192\n"),
             ("/sys/fs/cgroup/memory/rain/slice-42/memory.oom_control", b"oom_kill_disable 0\nunder_oom 1\noom_kill 3\n")]
    return snapshot(tasks, calendar.timegm((2016, 3, 2, 9, 15, 0)), 86400.0, "41.50 40.00 30.00 1/300 6000",
                    [(0, "root"), (1000, "svc")], extra_links=[("4242/task/4250", 7, "socket:[77777]"),
                                                               ("5000", 9, "socket:[88888]")],
                    net=net, cgmem=cgmem, services=[("rpc-statd", "inactive"), ("rpcbind", "active")])


def hostile():
    tasks = [Task(1, 1, 0, 0, "init", "S", "S", "", EPOLL)]
    names = [b"a) b", b"x) S 1 (y", b"new\nline", b"tab\there", b"back\\slash", b"))", b"\xc3\xa9t\xc3\xa9"]
    for i, n in enumerate(names):
        tasks.append(Task(200 + i, 200 + i, 1, 0, n, "S", "S", "", EPOLL))
    return snapshot(tasks, calendar.timegm((2026, 1, 1, 0, 0, 0)), 100.0, "0.00 0.00 0.00 1/10 300", [(0, "root")])


if __name__ == "__main__":
    open("seed000.snapshot", "w", encoding="latin-1").write(seed000())
    open("seed001.snapshot", "w", encoding="latin-1").write(seed001())
    open("hostile-names.snapshot", "w", encoding="latin-1").write(hostile())
