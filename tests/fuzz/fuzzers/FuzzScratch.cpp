#include "FuzzScratch.h"

#include "casefile/CaseFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdlib>

FuzzScratch &FuzzScratch::instance()
{
    static FuzzScratch scratch;
    return scratch;
}

FuzzScratch::FuzzScratch()
{
    static QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/casebook-fuzz-XXXXXX"));
    if (!dir.isValid())
        std::abort();
    m_root = dir.path();
    QDir(m_root).mkpath(QStringLiteral("home/.config"));
    qputenv("HOME", QFile::encodeName(m_root + QStringLiteral("/home")));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_root + QStringLiteral("/home/.config")));
}

QString FuzzScratch::path(const QString &name) const
{
    return m_root + QLatin1Char('/') + name;
}

QString FuzzScratch::write(const QString &name, QByteArrayView bytes) const
{
    const QString p = path(name);
    QFile f(p);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes.data(), bytes.size()) != bytes.size())
        std::abort();
    return p;
}

QString FuzzScratch::freshDir(const QString &name) const
{
    QDir d(path(name));
    d.removeRecursively();
    if (!QDir().mkpath(d.path()))
        std::abort();
    return d.path();
}

void FuzzScratch::removeCase(const QString &name) const
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path(name) + QLatin1String(suffix));
}

QString FuzzScratch::freshCase(const QString &name) const
{
    static const QString empty = [this] {
        removeCase(QStringLiteral("empty.casebook"));
        CaseFile::create(path(QStringLiteral("empty.casebook")), QStringLiteral("fuzz"));
        return path(QStringLiteral("empty.casebook"));
    }();
    removeCase(name);
    if (!QFile::copy(empty, path(name)))
        std::abort();
    return path(name);
}
