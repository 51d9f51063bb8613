#include "UnsafeMounts.h"

#include "procfs/ProcfsTextParsers.h"

#include <QFile>

namespace UnsafeMounts {

bool isUnsafeType(const QString &fstype)
{
    static const QStringList prefixes{QStringLiteral("fuse"), QStringLiteral("nfs"), QStringLiteral("cifs"), QStringLiteral("smb"),
                                      QStringLiteral("sshfs"), QStringLiteral("9p"), QStringLiteral("ceph"),
                                      QStringLiteral("glusterfs"), QStringLiteral("afs"), QStringLiteral("lustre"),
                                      QStringLiteral("gfs"), QStringLiteral("ocfs"), QStringLiteral("davfs"),
                                      QStringLiteral("virtiofs"), QStringLiteral("beegfs"), QStringLiteral("gpfs")};
    for (const QString &p : prefixes)
        if (fstype.startsWith(p))
            return true;
    return false;
}

QSet<QString> mountPoints()
{
    QSet<QString> out;
    QFile f(QStringLiteral("/proc/self/mountinfo"));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    ProcfsSample s;
    ProcfsTextParsers::mountinfo(f.read(16 * 1024 * 1024), s);
    for (const MountEntry &m : std::as_const(s.mounts))
        if (isUnsafeType(m.fstype))
            out.insert(m.mountPoint);
    return out;
}

}
