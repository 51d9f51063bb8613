#include "ReportFixture.h"

#include "TestEnv.h"
#include "casefile/ArtifactWriter.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/EventStore.h"
#include "casefile/FindingStore.h"
#include "casefile/HostStore.h"
#include "casefile/NoteStore.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"
#include "report/ActionItemStore.h"
#include "report/ReportDraftStore.h"
#include "report/StatusUpdateStore.h"
#include "util/CaseError.h"
#include "util/TimeUtil.h"

#include <QFile>

namespace ReportFixture {

QByteArray fixture(const QString &name)
{
    QFile f(TestEnv::sourceDir() + QStringLiteral("/tests/data/report/") + name);
    if (!f.open(QIODevice::ReadOnly))
        throw CaseError(QStringLiteral("missing fixture %1").arg(f.fileName()));
    return f.readAll();
}

Values build(const QString &path, const QString &title)
{
    auto cf = CaseFile::create(path, title);
    SqliteDatabase &db = cf->db();
    CaseInfo info = cf->info();
    info.summary = QStringLiteral("php-fpm workers on web-node-12 hung in D state on flock(LOCK_EX) over NFSv3; lockd got no answer from 10.1.84.31.");
    info.severity = QStringLiteral("sev2");
    info.status = QStringLiteral("resolved");
    info.incidentStartUs = TimeUtil::parseIso(QStringLiteral("2019-08-26T15:00:00Z"));
    info.incidentEndUs = TimeUtil::parseIso(QStringLiteral("2019-08-26T18:30:00Z"));
    cf->updateInfo(info);

    HostStore hosts(db);
    const qint64 web = hosts.ensure(QStringLiteral("web-node-12"));
    HostRecord w;
    w.id = web;
    w.address = QStringLiteral("10.20.30.40");
    w.port = 22;
    w.user = QStringLiteral("alice");
    w.hostkeyType = QStringLiteral("ssh-ed25519");
    w.hostkeySha256 = QStringLiteral("SHA256:q8F0nXyPj3mN6tYx1bGkT0pJ7cW2eR5sLhVd9aZ4uQo");
    w.kernel = QStringLiteral("5.0.0-1011-aws");
    hosts.update(w);
    const qint64 nfs = hosts.ensure(QStringLiteral("nfs-prod-07.corp.example.net"));
    HostRecord n;
    n.id = nfs;
    n.address = QStringLiteral("10.1.84.31");
    n.hostkeyType = QStringLiteral("ecdsa-sha2-nistp256");
    n.hostkeySha256 = QStringLiteral("SHA256:Zx3kP0qLm8N2vB7cT5rY1wE4uI6oA9sD0fG3hJ2kL5M");
    hosts.update(n);

    CollectionStore collections(db);
    auto collect = [&](qint64 host, const QString &kind, const QString &cmd, const QString &artKind, const QString &name,
                       const QByteArray &bytes, const QString &media) {
        const qint64 c = collections.begin(host, kind, cmd);
        collections.setHostKey(c, QStringLiteral("ssh-ed25519"), w.hostkeySha256);
        ArtifactWriter aw(db, {c, host, artKind, name, QStringLiteral("/remote/") + name, media});
        aw.append(bytes);
        aw.finish();
        collections.finish(c, CollectionRecord::Status::Complete);
        return aw.id();
    };
    const qint64 dmesg = collect(web, QStringLiteral("kernel-log"), QStringLiteral("dmesg -T"), QStringLiteral("kernel-log"),
                                 QStringLiteral("dmesg"), fixture(QStringLiteral("dmesg.txt")), QStringLiteral("text/plain"));
    const qint64 ps = collect(web, QStringLiteral("procfs"), QStringLiteral("ps -eLo pid,ppid,user,stat,wchan,comm"),
                              QStringLiteral("procfs-snapshot"), QStringLiteral("ps.txt"), fixture(QStringLiteral("ps.txt")), QStringLiteral("text/plain"));
    collect(web, QStringLiteral("strace"), QStringLiteral("strace -f -p 14437"), QStringLiteral("strace-log"), QStringLiteral("strace.log"),
            fixture(QStringLiteral("strace.log")), QStringLiteral("text/plain"));
    // A capture: binary, with an address inside as text and as bytes.
    QByteArray pcap = QByteArray::fromHex("d4c3b2a1020004000000000000000000ffff000001000000");
    pcap += QByteArray("\x0a\x01\x54\x1f", 4) + QByteArray(8, '\0') + "GET / HTTP/1.1\r\nHost: nfs-prod-07.corp.example.net\r\n";
    collect(web, QStringLiteral("pcap"), QStringLiteral("tcpdump -i any -w - port 2049"), QStringLiteral("pcap"), QStringLiteral("nfs.pcap"),
            pcap, QStringLiteral("application/vnd.tcpdump.pcap"));

    const qint64 t0 = info.incidentStartUs;
    auto at = [&](int minutes) { return t0 + qint64(minutes) * 60 * 1000000; };

    FindingStore findings(db);
    Finding f1;
    f1.hostId = web;
    f1.kind = QStringLiteral("d-state-group");
    f1.severity = QStringLiteral("high");
    f1.title = QStringLiteral("3 tasks in D state waiting in flock_lock_inode_wait");
    f1.detail = QStringLiteral("php-fpm workers including ") + QStringLiteral("<script>alert(1)</script>");
    f1.atUs = at(12);
    f1.evidence = {{QStringLiteral("artifact"), ps, QStringLiteral("ps")}};
    findings.add(f1);
    Finding f2;
    f2.hostId = web;
    f2.kind = QStringLiteral("kernel-event");
    f2.severity = QStringLiteral("critical");
    f2.title = QStringLiteral("lockd: server 10.1.84.31 not responding");
    f2.atUs = at(5);
    f2.evidence = {{QStringLiteral("artifact"), dmesg, QStringLiteral("dmesg line 1")}};
    findings.add(f2);

    EventStore events(db);
    auto marker = [&](int minutes, const QString &kind, const QString &label) {
        TimelineEvent e;
        e.hostId = web;
        e.atUs = at(minutes);
        e.kind = kind;
        e.source = QStringLiteral("marker");
        e.summary = label;
        events.add(e);
    };
    marker(3, QStringLiteral("marker-detection"), QStringLiteral("Alert: php-fpm pool www saturated"));
    marker(95, QStringLiteral("marker-repair"), QStringLiteral("rpc-statd enabled and started on web-node-12"));
    TimelineEvent k;
    k.hostId = web;
    k.atUs = at(5);
    k.kind = QStringLiteral("lockd-not-responding");
    k.source = QStringLiteral("kernel-log");
    k.summary = QStringLiteral("lockd: server 10.1.84.31 not responding, still trying");
    const qint64 kernelEvent = events.add(k);
    TimelineEvent hidden = k;
    hidden.atUs = at(6);
    hidden.summary = QStringLiteral("an unchosen kernel event");
    events.add(hidden);
    ReportDraftStore(db).chooseEvent(kernelEvent);

    NoteStore notes(db);
    auto note = [&](const QString &t, const QString &body, const QStringList &tags, qint64 atUs = 0) {
        Note nn;
        nn.title = t;
        nn.body = body;
        nn.tags = tags;
        nn.atUs = atUs;
        notes.create(nn);
    };
    note(QStringLiteral("Impact"), QStringLiteral("Checkout pages timed out for about three hours (alice on call)."), {QStringLiteral("impact")});
    note(QStringLiteral("rpc.statd"), QStringLiteral("rpc-statd was disabled on nodes without NFS client workloads, so NLM locks could not be granted. See ticket-4711, Project Falcon."),
         {QStringLiteral("root-cause")});
    note(QStringLiteral("Fix"), QStringLiteral("Enabled rpc-statd on every node; flock LOCK_EX returns at once."), {QStringLiteral("resolution")});
    note(QStringLiteral("First exclusive lock"), QStringLiteral("The first flock(LOCK_EX) hung on web-node-12"), {QStringLiteral("timeline")}, at(1));
    // No note for trigger or lessons learned: those sections must show prompts.

    StatusUpdateStore status(db);
    status.add(QStringLiteral("We are investigating slow checkout pages."), at(10));
    status.add(QStringLiteral("Engineers have identified the cause and are applying a fix."), at(80));
    status.add(QStringLiteral("All affected services have been restored."), at(100));

    ActionItem a;
    a.text = QStringLiteral("Enable rpc-statd in the node image");
    a.owner = QStringLiteral("platform team");
    ActionItemStore(db).add(a);

    Values v;
    v.identifying = {QStringLiteral("web-node-12"), QStringLiteral("10.20.30.40"), QStringLiteral("alice"),
                     QStringLiteral("nfs-prod-07.corp.example.net"), QStringLiteral("nfs-prod-07"), QStringLiteral("10.1.84.31"),
                     QStringLiteral("deploybot")};
    v.hostileName = QStringLiteral("<script>alert(1)</script>");
    v.hostileName2 = QStringLiteral("evil) S 1 | ` ** [x](http://a)");
    return v;
}

}
