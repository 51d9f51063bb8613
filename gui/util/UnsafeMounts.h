#pragma once

#include <QSet>
#include <QString>

// The mounts the workbench must not touch unless the user opens them
// explicitly: network and FUSE filesystems (a hung server or daemon leaves
// anything that stats them in D state). Known from /proc/self/mountinfo,
// which the kernel answers without asking those filesystems.
namespace UnsafeMounts {
// fuse*, nfs*, cifs, smb3, sshfs, 9p, ceph, glusterfs, afs, lustre...
bool isUnsafeType(const QString &fstype);
// The mount points of such filesystems now (absolute, unescaped).
QSet<QString> mountPoints();
}
