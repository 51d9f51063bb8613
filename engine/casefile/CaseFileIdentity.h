#pragma once

#include <QString>

// Which file a path names, as the kernel sees it (device and inode from
// stat(2), no descriptor opened). Two paths to one case (a symlink, a
// relative and an absolute path, a bind mount) have one identity.
struct CaseFileIdentity
{
    quint64 device = 0;
    quint64 inode = 0;
    QString fallback; // the absolute path, when the file cannot be stat'ed (not created yet)

    static CaseFileIdentity of(const QString &path);
    // The path with every symlink resolved, also for a file not created yet
    // (its directory resolved, its name appended): stable across creation.
    static QString canonicalPath(const QString &path);
    QString key() const;
};
