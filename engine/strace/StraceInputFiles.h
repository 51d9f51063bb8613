#pragma once

#include <QList>
#include <QString>
#include <QStringList>

struct StraceInputFile
{
    QString path;
    QString name;
    qint64 pid = 0; // from an -ff suffix (name.PID), else 0
};

// Expands the paths given to an import: a directory stands for its regular
// files (strace -ff -o DIR/name writes name.PID); files named PREFIX.PID get
// that pid when they come from a directory or when several share the prefix.
namespace StraceInputFiles {
QList<StraceInputFile> expand(const QStringList &paths, QStringList *problems = nullptr);
// The pid of "name.1234", or 0.
qint64 pidSuffix(const QString &fileName, QString *prefix = nullptr);
}
