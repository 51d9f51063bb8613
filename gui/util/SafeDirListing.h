#pragma once

#include <QList>
#include <QSet>
#include <QString>

// One directory read without touching what is mounted in it: readdir, and
// lstat (fstatat, no symlinks followed) of every entry except the mount
// points of network and FUSE filesystems, which are listed by name only.
struct SafeDirListing
{
    struct Entry
    {
        QString name;
        bool isDir = false;
        bool isLink = false;
        bool unprobed = false; // an unsafe mount point: not stat'ed
        qint64 size = 0;
        qint64 mtimeS = 0;
    };
    QString path;
    QList<Entry> entries;
    QString error;

    // Blocking: call off the GUI thread. unsafe: UnsafeMounts::mountPoints().
    static SafeDirListing read(const QString &path, const QSet<QString> &unsafe);
};
