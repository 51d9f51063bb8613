#include "CaseFileIdentity.h"

#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

CaseFileIdentity CaseFileIdentity::of(const QString &path)
{
    CaseFileIdentity id;
    struct stat st {};
    if (!path.isEmpty() && ::stat(QFile::encodeName(path).constData(), &st) == 0) {
        id.device = quint64(st.st_dev);
        id.inode = quint64(st.st_ino);
    } else if (!path.isEmpty()) {
        id.fallback = QFileInfo(path).absoluteFilePath();
    }
    return id;
}

QString CaseFileIdentity::key() const
{
    return inode ? QStringLiteral("%1:%2").arg(device).arg(inode) : fallback;
}

QString CaseFileIdentity::canonicalPath(const QString &path)
{
    const QFileInfo fi(path);
    const QString canonical = fi.canonicalFilePath();
    if (!canonical.isEmpty())
        return canonical;
    const QString dir = QFileInfo(fi.absolutePath()).canonicalFilePath();
    return (dir.isEmpty() ? fi.absolutePath() : dir) + QLatin1Char('/') + fi.fileName();
}
