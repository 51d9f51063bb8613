#include "SafeDirListing.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

SafeDirListing SafeDirListing::read(const QString &path, const QSet<QString> &unsafe)
{
    SafeDirListing r;
    r.path = path;
    DIR *d = opendir(QFile::encodeName(path).constData());
    if (!d) {
        r.error = QString::fromLocal8Bit(std::strerror(errno));
        return r;
    }
    const int fd = dirfd(d);
    const QString prefix = path.endsWith(QLatin1Char('/')) ? path : path + QLatin1Char('/');
    while (dirent *e = readdir(d)) {
        if (!std::strcmp(e->d_name, ".") || !std::strcmp(e->d_name, ".."))
            continue;
        Entry entry;
        entry.name = QFile::decodeName(e->d_name);
        if (unsafe.contains(prefix + entry.name)) {
            entry.isDir = true;
            entry.unprobed = true; // never stat'ed: its filesystem may not answer
        } else {
            struct stat st;
            if (fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
                entry.isDir = S_ISDIR(st.st_mode);
                entry.isLink = S_ISLNK(st.st_mode);
                entry.size = st.st_size;
                entry.mtimeS = st.st_mtim.tv_sec;
            } else {
                entry.isDir = e->d_type == DT_DIR;
            }
        }
        r.entries.append(entry);
        if (r.entries.size() >= 100000)
            break;
    }
    closedir(d);
    return r;
}
