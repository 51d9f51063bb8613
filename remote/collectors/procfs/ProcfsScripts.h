#pragma once

#include <QByteArray>

// The POSIX sh scripts the procfs and kernel-log collectors send to a host
// (on stdin of `sh -s`), embedded from procfs-snapshot.sh and kernel-log.sh.
namespace ProcfsScripts {
QByteArray snapshot();
QByteArray kernelLog();
}
