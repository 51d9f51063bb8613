#pragma once

#include "StraceCall.h"

#include <QByteArray>
#include <QHash>

#include <memory>

// What a file descriptor is, for logs traced without -y: followed through the
// calls that make, copy and close descriptors (open, openat, creat, dup*,
// fcntl F_DUPFD, socket, socketpair, pipe*, connect, bind, accept*, close),
// per process. A child made by fork/clone inherits a copy of its parent's
// table; with CLONE_FILES (threads) it shares it. Approximate by nature: an
// fd opened before the trace began stays unknown, exec's close-on-exec is not
// modelled. Tracking stops for good once the log shows -y decorations (then
// strace said what each fd is). Memory: one entry per open fd per live process.
class StraceFdTracker
{
public:
    // Before the call is stored: when strace printed no decoration, fills
    // call.fd/fdPath (fdInferred) from the table, then updates the table with
    // what the call did. call.fdPath stays valid until the next apply().
    void apply(StraceCall &call);
    // The process exited or was killed: its table goes (a thread's shared one
    // stays with the others), so memory follows the live processes.
    void processEnded(qint64 pid) { m_tables.remove(pid); }
    bool active() const { return !m_decorated; }

private:
    using Table = QHash<qint64, QByteArray>;
    Table &table(qint64 pid);
    void inherit(qint64 parent, qint64 child, bool share);

    QHash<qint64, std::shared_ptr<Table>> m_tables;
    QByteArray m_current; // what call.fdPath points at
    bool m_decorated = false;
};
