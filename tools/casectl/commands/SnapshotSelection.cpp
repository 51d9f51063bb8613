#include "SnapshotSelection.h"

#include "Command.h"
#include "casefile/HostStore.h"
#include "util/CaseError.h"

namespace SnapshotSelection {

void addOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("snapshot"), QStringLiteral("Snapshot id (default: the latest)."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("host"), QStringLiteral("The latest snapshot of this host."), QStringLiteral("NAME")});
}

SnapshotInfo resolve(SqliteDatabase &db, const QCommandLineParser &p)
{
    qint64 id = 0;
    if (p.isSet(QStringLiteral("snapshot"))) {
        bool ok = false;
        id = p.value(QStringLiteral("snapshot")).toLongLong(&ok);
        if (!ok || id <= 0)
            throw UsageError(QStringLiteral("--snapshot takes a snapshot id"));
    }
    const QString host = p.value(QStringLiteral("host"));
    if (host.isEmpty())
        return SnapshotStore(db).resolve(id);
    const auto h = HostStore(db).byName(host);
    if (!h)
        throw UsageError(QStringLiteral("no host named '%1' in the case").arg(host));
    const auto s = SnapshotStore(db).latest(h->id);
    if (!s)
        throw CaseError(QStringLiteral("host '%1' has no procfs snapshot").arg(host));
    return *s;
}

}
