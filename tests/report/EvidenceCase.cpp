#include "EvidenceCase.h"

#include "TestEnv.h"
#include "casefile/ArtifactWriter.h"
#include "casefile/CaseFile.h"
#include "casefile/CollectionStore.h"
#include "casefile/EventStore.h"
#include "casefile/HostStore.h"
#include "casefile/NoteStore.h"
#include "importers/ImporterCatalog.h"
#include "kernellog/KernelLogIngest.h"
#include "procfs/ProcfsIngest.h"
#include "util/CaseError.h"

#include <QFile>

namespace {
QByteArray data(const QString &relative)
{
    QFile f(TestEnv::dataDir() + QLatin1Char('/') + relative);
    if (!f.open(QIODevice::ReadOnly))
        throw CaseError(QStringLiteral("missing fixture %1").arg(f.fileName()));
    return f.readAll();
}

void import(CaseFile &cf, qint64 host, const QString &kind, const QString &relative)
{
    ImportRequest req;
    req.caseFile = &cf;
    req.hostId = host;
    req.paths = {TestEnv::dataDir() + QLatin1Char('/') + relative};
    req.timeZone = QStringLiteral("UTC");
    req.startDate = QDate(2019, 8, 26);
    const ImportResult r = ImporterCatalog::byKind(kind)->import(req, CancelToken());
    if (!r.ok)
        throw CaseError(QStringLiteral("import of %1 failed: %2").arg(relative, r.error));
}
}

namespace EvidenceCase {

void build(const QString &path)
{
    constexpr qint64 kBoot = 1700000000LL * 1000000;
    auto cf = CaseFile::create(path, QStringLiteral("rain-7 OOM and NFS"));
    SqliteDatabase &db = cf->db();
    const qint64 host = HostStore(db).ensure(QStringLiteral("rain-7"));
    CollectionStore collections(db);
    auto collect = [&](const QString &kind, const QString &artifactKind, const QString &relative, auto ingest) {
        const qint64 c = collections.begin(host, kind, QStringLiteral("fixture ") + relative);
        const QByteArray bytes = data(relative);
        ArtifactWriter w(db, {c, host, artifactKind, relative.section(QLatin1Char('/'), -1), relative, QStringLiteral("text/plain")});
        w.append(bytes);
        w.finish();
        ingest(bytes, c, w.id());
        collections.finish(c, CollectionRecord::Status::Complete);
    };
    collect(QStringLiteral("procfs"), QStringLiteral("procfs-snapshot"), QStringLiteral("procfs/seed001.snapshot"),
            [&](const QByteArray &b, qint64 c, qint64 a) { ProcfsIngest(db).ingest(b, {}, c, host, a); });
    collect(QStringLiteral("kernel-log"), QStringLiteral("kernel-log"), QStringLiteral("procfs/kernel-log/oom-kill.txt"),
            [&](const QByteArray &b, qint64 c, qint64 a) { KernelLogIngest(db).ingest(b, c, host, a, kBoot); });
    import(*cf, host, QStringLiteral("strace"), QStringLiteral("strace/seed004-php-fpm-f.strace"));
    import(*cf, host, QStringLiteral("pcap"), QStringLiteral("pcap/loopback-http-rpc.pcapng"));

    TimelineEvent marker;
    marker.hostId = host;
    marker.atUs = kBoot + 3600LL * 1000000;
    marker.kind = QStringLiteral("marker-diagnosis");
    marker.source = QStringLiteral("marker");
    marker.summary = QStringLiteral("java on rain-7 killed by the OOM killer");
    EventStore(db).add(marker);
    Note n;
    n.title = QStringLiteral("OOM");
    n.body = QStringLiteral("The JVM heap was sized above the cgroup limit.");
    n.tags = {QStringLiteral("root-cause")};
    NoteStore(db).create(n);
}

}
