#include "OpenCaseRegistry.h"

#include "CaseFileIdentity.h"
#include "util/CaseError.h"

#include <QHash>
#include <QMutex>

namespace {
QMutex mutex;
QHash<QString, int> &openCases() // identity key -> connections
{
    static QHash<QString, int> cases;
    return cases;
}

QString baseOf(const QString &path)
{
    for (const char *suffix : {"-wal", "-shm", "-journal"})
        if (path.endsWith(QLatin1String(suffix)))
            return path.chopped(int(qstrlen(suffix)));
    return path;
}
}

namespace OpenCaseRegistry {

void add(const QString &casePath)
{
    const QString key = CaseFileIdentity::of(casePath).key();
    QMutexLocker locker(&mutex);
    ++openCases()[key];
}

void remove(const QString &casePath)
{
    const QString key = CaseFileIdentity::of(casePath).key();
    QMutexLocker locker(&mutex);
    auto it = openCases().find(key);
    if (it != openCases().end() && --it.value() <= 0)
        openCases().erase(it);
}

bool holds(const QString &path)
{
    QStringList keys{CaseFileIdentity::of(path).key()};
    const QString base = baseOf(path);
    if (base != path)
        keys << CaseFileIdentity::of(base).key();
    QMutexLocker locker(&mutex);
    for (const QString &k : std::as_const(keys))
        if (!k.isEmpty() && openCases().contains(k))
            return true;
    return false;
}

void refuse(const QString &path, const QString &what)
{
    if (holds(path))
        throw CaseError(QStringLiteral("%1 is a case file open in Casebook (or one of its -wal/-shm files); "
                                       "it cannot be %2. Use Save a Copy or casectl merge instead.")
                            .arg(path, what));
}

}
