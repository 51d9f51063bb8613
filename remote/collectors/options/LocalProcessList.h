#pragma once

#include "util/CancelToken.h"

#include <QList>
#include <QString>

// The processes of this machine, for picking the PIDs to trace. Reads only
// /proc/PID/stat (pid, name, state, parent): never cmdline or environ, which
// take the process's memory lock and can block behind a task stuck in a page
// fault on a hung mount. Names are kept as the kernel gives them (they may
// hold any byte but '\0'); show them as plain text.
struct LocalProcess
{
    qint64 pid = 0;
    qint64 ppid = 0;
    QChar state;
    QString name;
};

namespace LocalProcessList {
// At most `limit` processes, in PID order; stops early when cancelled.
QList<LocalProcess> read(const CancelToken &cancel = {}, const QString &procRoot = QStringLiteral("/proc"), int limit = 100000);
// One /proc/PID/stat line; nullopt-like (pid 0) when it does not parse.
LocalProcess parseStat(const QByteArray &line);
}
