#include "SampleCase.h"

#include "casefile/ArtifactWriter.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/EventStore.h"
#include "casefile/FindingStore.h"
#include "casefile/HostStore.h"
#include "casefile/NoteStore.h"
#include "CaptureWriter.h"
#include "pcap/PcapImporter.h"
#include "procfs/ProcfsSample.h"
#include "procfs/SnapshotStore.h"
#include "procfs/StackFrames.h"
#include "strace/StraceCaseWriter.h"
#include "strace/StraceTraceIngest.h"
#include "timeline/MarkerStore.h"
#include "util/TimeUtil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <tuple>

namespace {
qint64 writeArtifact(CaseFile &cf, qint64 collection, qint64 host, const QString &kind, const QString &name,
                     const QString &source, const QByteArray &bytes)
{
    ArtifactSpec spec;
    spec.collectionId = collection;
    spec.hostId = host;
    spec.kind = kind;
    spec.name = name;
    spec.sourcePath = source;
    spec.mediaType = QStringLiteral("text/plain");
    ArtifactWriter w(cf.db(), spec);
    w.append(bytes);
    w.finish();
    return w.id();
}

// The strace log goes in through the engine's strace import path (artifact,
// parser, strace_* tables) so the Strace pane has data; no StraceAnalyzer, so
// the sample's findings stay as they are.
qint64 ingestStraceLog(CaseFile &cf, qint64 collection, qint64 host, const QByteArray &log)
{
    ArtifactSpec spec;
    spec.collectionId = collection;
    spec.hostId = host;
    spec.kind = QStringLiteral("strace-log");
    spec.name = QStringLiteral("strace-14437.txt");
    spec.sourcePath = QStringLiteral("strace -f -tt -T -p 14437");
    spec.mediaType = QStringLiteral("text/plain");
    StraceCaseWriter writer(cf.db(), collection, host);
    StraceTraceIngest ingest(cf.db(), writer, spec, 0, StraceClock(QDateTime::currentDateTimeUtc(), QTimeZone::utc()));
    ingest.feed(log);
    const StraceTraceResult r = ingest.finish(true);
    writer.finish();
    return r.artifactId;
}
}

QByteArray SampleCase::straceLog()
{
    return QByteArrayLiteral(
        "14437 15:05:01.102938 openat(AT_FDCWD, \"/srv/app/storage/framework/cache/boot.lock\", O_RDWR|O_CREAT, 0644) = 11 <0.000041>\n"
        "14437 15:05:01.103012 fstat(11, {st_mode=S_IFREG|0644, st_size=0, ...}) = 0 <0.000009>\n"
        "14437 15:05:01.103101 flock(11, LOCK_EX <unfinished ...>\n"
        "14438 15:05:01.201554 flock(11, LOCK_SH) = 0 <0.000120>\n"
        "14439 15:05:01.309112 openat(AT_FDCWD, \"/srv/app/.env\", O_RDONLY) = -1 ENOENT (No such file or directory) <0.000030>\n"
        "14437 15:05:46.887100 <... flock resumed>) = -1 ENOLCK (No locks available) <45.783999>\n"
        "14437 15:05:46.887301 write(2, \"PHP Warning:  flock(): No locks available\\n\", 43) = 43 <0.000018>\n"
        "14438 15:05:47.000001 --- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=1, si_uid=0} ---\n"
        "14438 15:05:47.000410 +++ killed by SIGTERM +++\n"
        "14439 15:05:47.201337 openat(AT_FDCWD, \"/srv/app/storage/framework/cache/boot.lock\", O_RDWR|O_CREAT, 0644) = 12 <0.000038>\n"
        "14439 15:05:47.201502 flock(12, LOCK_EX <unfinished ...>\n"
        "14437 15:06:17.512904 close(11) = 0 <0.000011>\n");
}

QByteArray SampleCase::kernelLog()
{
    return QByteArrayLiteral(
        "[927001.001200] nfs: server 10.1.84.31 not responding, still trying\n"
        "[927063.519245] lockd: server 10.1.84.31 not responding, still trying\n"
        "[927077.175116] lockd: server 10.1.84.31 OK\n"
        "[927080.000062] nlmclnt_lock: VFS is out of sync with lock manager!\n"
        "[927243.114220] INFO: task php-fpm:14437 blocked for more than 120 seconds.\n"
        "[927243.114281]       Not tainted 5.4.0-1043-aws #45-Ubuntu\n"
        "[927243.114330] \"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.\n"
        "[927243.114402] Call Trace:\n"
        "[927243.114431]  __schedule+0x2e3/0x740\n"
        "[927243.114470]  schedule+0x42/0xb0\n"
        "[927243.114502]  rpc_wait_bit_killable+0x25/0xb0 [sunrpc]\n"
        "[927243.114560]  nlmclnt_call+0x1a0/0x3f0 [lockd]\n");
}

QByteArray SampleCase::kernelStack()
{
    return QByteArrayLiteral(
        "[<0>] flush_work+0x129/0x1e0\n"
        "[<0>] flush_delayed_work+0x3f/0x50\n"
        "[<0>] fsnotify_wait_marks_destroyed+0x15/0x20\n"
        "[<0>] fsnotify_destroy_group+0x48/0xd0\n"
        "[<0>] inotify_release+0x1e/0x50\n"
        "[<0>] __fput+0xea/0x220\n"
        "[<0>] task_work_run+0x8a/0xb0\n"
        "[<0>] do_exit+0x2de/0xb50\n"
        "[<0>] do_syscall_64+0xf4/0x130\n"
        "[<0>] entry_SYSCALL_64_after_hwframe+0x3d/0xa2\n");
}

SampleCase SampleCase::build(const QString &path)
{
    SampleCase s;
    auto cf = CaseFile::create(path, QStringLiteral("php-fpm stuck in D on NFSv3 flock"));
    auto &db = cf->db();
    HostStore hosts(db);
    s.webHost = hosts.ensure(QStringLiteral("web-3"));
    s.nfsHost = hosts.ensure(QStringLiteral("nfs-1"));
    HostRecord web = *hosts.byId(s.webHost);
    web.address = QStringLiteral("10.1.84.17");
    web.kernel = QStringLiteral("5.4.0-1043-aws");
    web.hostkeyType = QStringLiteral("ssh-ed25519");
    web.hostkeySha256 = QStringLiteral("SHA256:2x0YbVn9yq8jPp3cU2hEJ0m8m2s7Kp7h0m3oQ2b2JtM");
    hosts.update(web);

    // Ten minutes ago, whole seconds: the collections below start "now", as
    // they would right after an incident.
    s.baseUs = (TimeUtil::nowUs() / 1000000 - 600) * 1000000;
    CollectionStore collections(db);
    const qint64 kc = collections.begin(s.webHost, QStringLiteral("kernel-log"), QStringLiteral("dmesg"));
    s.kernelLogArtifact = writeArtifact(*cf, kc, s.webHost, QStringLiteral("kernel-log"), QStringLiteral("dmesg.txt"),
                                        QStringLiteral("dmesg"), kernelLog());
    collections.finish(kc, CollectionRecord::Status::Complete);
    const qint64 sc = collections.begin(s.webHost, QStringLiteral("strace"), QStringLiteral("strace -f -tt -T -p 14437"));
    s.straceArtifact = ingestStraceLog(*cf, sc, s.webHost, straceLog());
    collections.finish(sc, CollectionRecord::Status::Complete);
    const qint64 pc = collections.begin(s.webHost, QStringLiteral("procfs"), QStringLiteral("procfs snapshot"));
    s.stackArtifact = writeArtifact(*cf, pc, s.webHost, QStringLiteral("kernel-stack"), QStringLiteral("proc-14437-stack"),
                                    QStringLiteral("/proc/14437/stack"), kernelStack());
    s.binaryArtifact = writeArtifact(*cf, pc, s.webHost, QStringLiteral("file"), QStringLiteral("proc-14437-cmdline"),
                                     QStringLiteral("/proc/14437/cmdline"),
                                     QByteArray("php-fpm: pool www\0\0\x01\x02\xff", 23));
    collections.finish(pc, CollectionRecord::Status::Complete);
    const qint64 nc = collections.begin(s.nfsHost, QStringLiteral("procfs"), QStringLiteral("procfs snapshot"));
    collections.finish(nc, CollectionRecord::Status::Failed, QStringLiteral("rpc.statd is not running"));

    EventStore events(db);
    QList<TimelineEvent> list;
    auto ev = [&](qint64 offsetS, qint64 host, const char *kind, const char *summary) {
        TimelineEvent e;
        e.hostId = host;
        e.collectionId = kc;
        e.atUs = s.baseUs + offsetS * 1000000;
        e.kind = QLatin1String(kind);
        e.source = QStringLiteral("kernel-log");
        e.summary = QLatin1String(summary);
        e.refKind = QStringLiteral("artifact");
        e.refId = s.kernelLogArtifact;
        list.append(e);
    };
    ev(0, s.webHost, "nfs-not-responding", "nfs: server 10.1.84.31 not responding, still trying");
    ev(62, s.webHost, "lockd-not-responding", "lockd: server 10.1.84.31 not responding, still trying");
    ev(76, s.webHost, "lockd-ok", "lockd: server 10.1.84.31 OK");
    ev(242, s.webHost, "hung-task", "INFO: task php-fpm:14437 blocked for more than 120 seconds.");
    ev(300, s.nfsHost, "rpc-statd-down", "rpc.statd: not running");
    events.addAll(list);

    FindingStore findings(db);
    Finding hung;
    hung.hostId = s.webHost;
    hung.collectionId = pc;
    hung.kind = QStringLiteral("d-state-group");
    hung.severity = QStringLiteral("high");
    hung.title = QStringLiteral("3 php-fpm tasks in D state, waiting in nlmclnt_call (NFS lock)");
    hung.detail = QStringLiteral("All blocked tasks share the stack rpc_wait_bit_killable <- nlmclnt_call <- nlmclnt_proc.");
    hung.atUs = s.baseUs + 242 * 1000000;
    hung.evidence = {{QStringLiteral("artifact"), s.stackArtifact, QStringLiteral("/proc/14437/stack")},
                     {QStringLiteral("artifact"), s.straceArtifact, QStringLiteral("flock(11, LOCK_EX) unfinished")}};
    s.hungFinding = findings.add(hung);
    Finding lockd;
    lockd.hostId = s.nfsHost;
    lockd.kind = QStringLiteral("silent-peer");
    lockd.severity = QStringLiteral("critical");
    lockd.title = QStringLiteral("lockd on 10.1.84.31 not responding; rpc.statd dead");
    lockd.atUs = s.baseUs + 62 * 1000000;
    lockd.evidence = {{QStringLiteral("artifact"), s.kernelLogArtifact, QStringLiteral("lockd: server not responding")}};
    s.lockdFinding = findings.add(lockd);

    Note note;
    note.title = QStringLiteral("Working theory");
    note.body = QStringLiteral("# Working theory\n\nphp-fpm blocks in `flock(LOCK_EX)` on NFSv3: see [[finding:%1]] and "
                               "the strace [[artifact:%2]].\n\n- lockd on nfs-1 stops answering\n- rpc.statd is dead\n")
                    .arg(s.hungFinding)
                    .arg(s.straceArtifact);
    note.tags = {QStringLiteral("nfs"), QStringLiteral("theory")};
    note.atUs = s.baseUs + 120 * 1000000;
    s.note = NoteStore(db).create(note);
    // procfs snapshots: two of web-3 a minute apart (one more php-fpm worker
    // blocks, a zombie clears), one of nfs-1.
    auto task = [](qint64 pid, qint64 tid, const char *comm, const char *state, const char *wchan, QStringList stack) {
        ProcTask t;
        t.pid = pid;
        t.tid = tid;
        t.ppid = 1;
        t.uid = 33;
        t.user = QStringLiteral("www-data");
        t.comm = QLatin1String(comm);
        t.state = QLatin1String(state);
        t.statusState = QLatin1String(state);
        t.wchan = QLatin1String(wchan);
        t.stackStatus = stack.isEmpty() ? QStringLiteral("empty") : QStringLiteral("ok");
        t.stackRaw = stack;
        t.stackSignature = StackFrames::signature(StackFrames::normalizeAll(stack)); // as the snapshot parser sets it
        t.cgroup = QStringLiteral("/system.slice/php-fpm.service");
        t.pidns = 4026531836;
        return t;
    };
    const QStringList nlm = {QStringLiteral("[<0>] rpc_wait_bit_killable+0x25/0xb0 [sunrpc]"),
                             QStringLiteral("[<0>] __rpc_execute+0x10f/0x3f0 [sunrpc]"),
                             QStringLiteral("[<0>] nlmclnt_call+0x1a0/0x3f0 [lockd]"),
                             QStringLiteral("[<0>] nlmclnt_proc+0x24e/0x450 [lockd]"),
                             QStringLiteral("[<0>] locks_lock_inode_wait+0x52/0x130"),
                             QStringLiteral("[<0>] __do_sys_flock+0x145/0x1a0"),
                             QStringLiteral("[<0>] do_syscall_64+0x57/0x190"),
                             QStringLiteral("[<0>] entry_SYSCALL_64_after_hwframe+0x44/0xa9")};
    const QStringList epoll = {QStringLiteral("[<0>] ep_poll+0x2aa/0x370"),
                               QStringLiteral("[<0>] do_epoll_wait+0xb0/0xd0"),
                               QStringLiteral("[<0>] __x64_sys_epoll_wait+0x1a/0x20"),
                               QStringLiteral("[<0>] do_syscall_64+0x57/0x190"),
                               QStringLiteral("[<0>] entry_SYSCALL_64_after_hwframe+0x44/0xa9")};
    const QStringList fsync = {QStringLiteral("[<0>] rpc_wait_bit_killable+0x25/0xb0 [sunrpc]"),
                               QStringLiteral("[<0>] nfs_file_fsync+0x5b/0x1b0 [nfs]"),
                               QStringLiteral("[<0>] do_fsync+0x38/0x70"),
                               QStringLiteral("[<0>] do_syscall_64+0x57/0x190"),
                               QStringLiteral("[<0>] entry_SYSCALL_64_after_hwframe+0x44/0xa9")};
    SnapshotStore snaps(db);
    ProcfsSample first;
    first.takenUs = s.baseUs + 200 * 1000000LL;
    first.hostname = QStringLiteral("web-3");
    first.tasks = {task(14430, 14430, "php-fpm", "S", "ep_poll", epoll), task(14437, 14437, "php-fpm", "D", "rpc_wait_bit_killable", nlm),
                   task(14438, 14438, "php-fpm", "D", "rpc_wait_bit_killable", nlm), task(14450, 14450, "php-fpm", "Z", "", {}),
                   task(900, 900, "rsyslogd", "D", "rpc_wait_bit_killable", fsync)};
    s.firstSnapshot = snaps.save(first, pc, s.webHost, s.stackArtifact);
    ProcfsSample second = first;
    second.takenUs = s.baseUs + 260 * 1000000LL;
    second.tasks = {task(14430, 14430, "php-fpm", "S", "ep_poll", epoll), task(14437, 14437, "php-fpm", "D", "rpc_wait_bit_killable", nlm),
                    task(14438, 14438, "php-fpm", "D", "rpc_wait_bit_killable", nlm), task(14439, 14439, "php-fpm", "D", "rpc_wait_bit_killable", nlm),
                    task(900, 900, "rsyslogd", "D", "rpc_wait_bit_killable", fsync)};
    s.secondSnapshot = snaps.save(second, pc, s.webHost, s.stackArtifact);
    ProcfsSample nfs;
    nfs.takenUs = s.baseUs + 270 * 1000000LL;
    nfs.hostname = QStringLiteral("nfs-1");
    nfs.tasks = {task(700, 700, "lockd", "S", "svc_recv", {}), task(710, 710, "nfsd", "D", "rpc_wait_bit_killable", fsync)};
    snaps.save(nfs, nc, s.nfsHost, 0);

    MarkerStore(db).add(s.baseUs - 30 * 1000000, QStringLiteral("marker-detection"), QStringLiteral("Pager: php-fpm 502s"));
    return s;
}

qint64 SampleCase::addCapture(const QString &path) const
{
    using W = CaptureWriter;
    const uint32_t web = W::ip(10, 1, 84, 17), nfs = W::ip(10, 1, 84, 31), lb = W::ip(10, 1, 80, 5);
    W w;
    const int64_t t = baseUs + 30 * 1000000LL;
    // HTTP from the load balancer: completed, 28 KB back.
    w.packet(t, W::tcpFrame(lb, web, 40112, 80, 1000, 0, W::SYN));
    w.packet(t + 150, W::tcpFrame(web, lb, 80, 40112, 5000, 1001, W::SYN | W::ACK));
    w.packet(t + 300, W::tcpFrame(lb, web, 40112, 80, 1001, 5001, W::ACK));
    w.packet(t + 400, W::tcpFrame(lb, web, 40112, 80, 1001, 5001, W::PSH | W::ACK, QByteArray(300, 'q')));
    for (uint32_t i = 0; i < 20; ++i)
        w.packet(t + 900 + i * 40, W::tcpFrame(web, lb, 80, 40112, 5001 + i * 1400, 1301, W::ACK, QByteArray(1400, 'r')));
    w.packet(t + 2000, W::tcpFrame(web, lb, 80, 40112, 33001, 1301, W::FIN | W::ACK));
    w.packet(t + 2100, W::tcpFrame(lb, web, 40112, 80, 1301, 33002, W::FIN | W::ACK));
    // NFS: four SYNs to 2049 over seven seconds, not one packet back (seed 003).
    for (int64_t s : {0, 1, 3, 7})
        w.packet(t + 5000000 + s * 1000000, W::tcpFrame(web, nfs, 871, 2049, 77000, 0, W::SYN));
    // statd's old port refuses.
    w.packet(t + 6000000, W::tcpFrame(web, nfs, 40500, 662, 9000, 0, W::SYN));
    w.packet(t + 6000200, W::tcpFrame(nfs, web, 662, 40500, 0, 9001, W::RST | W::ACK));
    // portmapper DUMP and GETPORT(status) over UDP: status is not registered (seed 004).
    w.packet(t + 8000000, W::udpFrame(web, nfs, 700, 111, W::rpcCall(0x5000, 100000, 2, 4)));
    QByteArray dump;
    for (auto [prog, vers, prot, port] : {std::tuple{100000u, 2u, 17u, 111u}, std::tuple{100003u, 3u, 6u, 2049u},
                                           std::tuple{100005u, 3u, 17u, 20048u}, std::tuple{100021u, 4u, 17u, 4045u}}) {
        W::u32(dump, 1);
        W::u32(dump, prog);
        W::u32(dump, vers);
        W::u32(dump, prot);
        W::u32(dump, port);
    }
    W::u32(dump, 0);
    w.packet(t + 8000420, W::udpFrame(nfs, web, 111, 700, W::rpcReply(0x5000, 0, dump)));
    QByteArray getport, zero;
    for (uint32_t v : {100024u, 1u, 17u, 0u})
        W::u32(getport, v);
    W::u32(zero, 0);
    w.packet(t + 8100000, W::udpFrame(web, nfs, 701, 111, W::rpcCall(0x5001, 100000, 2, 3, getport)));
    w.packet(t + 8100310, W::udpFrame(nfs, web, 111, 701, W::rpcReply(0x5001, 0, zero)));
    // nlockmgr LOCK to lockd, sent three times, never answered.
    for (int i = 0; i < 3; ++i)
        w.packet(t + 9000000 + i * 5000000LL, W::udpFrame(web, nfs, 702, 4045, W::rpcCall(0x6001, 100021, 4, 2, QByteArray(64, 'l'))));
    // tcpdump killed mid-write: the last record is incomplete.
    w.packet(t + 25000000, W::tcpFrame(web, nfs, 871, 2049, 77000, 0, W::SYN));
    w.data().chop(20);

    const QString file = QFileInfo(path).absoluteDir().filePath(QStringLiteral("web-3-eth0.pcap"));
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(w.data()) != w.data().size())
        return 0;
    f.close();
    auto cf = CaseFile::open(path, CaseFile::Access::ReadWrite);
    ImportRequest req;
    req.caseFile = cf.get();
    req.hostId = webHost;
    req.paths = {file};
    const ImportResult r = PcapImporter().import(req, CancelToken());
    const QJsonArray caps = r.summary.value(QStringLiteral("captures")).toArray();
    return r.ok && !caps.isEmpty() ? caps.first().toObject().value(QStringLiteral("capture_id")).toInteger() : 0;
}
