#include "StraceInputFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <algorithm>

namespace StraceInputFiles {

qint64 pidSuffix(const QString &fileName, QString *prefix)
{
    const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0 || dot + 1 >= fileName.size() || fileName.size() - dot - 1 > 9)
        return 0;
    qint64 pid = 0;
    for (qsizetype i = dot + 1; i < fileName.size(); ++i) {
        const QChar ch = fileName.at(i);
        if (!ch.isDigit() || ch.unicode() > 127)
            return 0;
        pid = pid * 10 + (ch.unicode() - '0');
    }
    if (prefix)
        *prefix = fileName.left(dot);
    return pid;
}

QList<StraceInputFile> expand(const QStringList &paths, QStringList *problems)
{
    QList<StraceInputFile> out;
    QList<StraceInputFile> loose;
    for (const QString &path : paths) {
        const QFileInfo fi(path);
        if (fi.isDir()) {
            QList<StraceInputFile> files;
            const QFileInfoList entries = QDir(path).entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
            for (const QFileInfo &e : entries)
                files.append({e.absoluteFilePath(), e.fileName(), pidSuffix(e.fileName())});
            if (files.isEmpty() && problems)
                problems->append(QStringLiteral("%1: no files in this directory").arg(path));
            std::stable_sort(files.begin(), files.end(), [](const StraceInputFile &a, const StraceInputFile &b) {
                return a.pid < b.pid;
            });
            out += files;
        } else if (fi.exists()) {
            loose.append({fi.absoluteFilePath(), fi.fileName(), 0});
        } else if (problems) {
            problems->append(QStringLiteral("%1: no such file").arg(path));
        }
    }
    QHash<QString, int> prefixCount;
    for (const StraceInputFile &f : loose) {
        QString prefix;
        if (pidSuffix(f.name, &prefix) > 0)
            ++prefixCount[QFileInfo(f.path).path() + QLatin1Char('/') + prefix];
    }
    for (StraceInputFile &f : loose) {
        QString prefix;
        const qint64 pid = pidSuffix(f.name, &prefix);
        if (pid > 0 && prefixCount.value(QFileInfo(f.path).path() + QLatin1Char('/') + prefix) > 1)
            f.pid = pid;
        out.append(f);
    }
    return out;
}

}
