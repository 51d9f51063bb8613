#pragma once

#include "StraceFdTracker.h"
#include "StraceLine.h"
#include "StraceSink.h"

#include <QByteArray>
#include <QHash>

// Joins '<unfinished ...>' with its '<... name resumed>' (per pid) and hands
// complete calls, signals and exits to the sink. Memory is bounded by the
// number of processes with a call in flight (and, for logs without -y, their
// open fds: StraceFdTracker names the fd of calls strace did not decorate).
class StraceCallAssembler
{
public:
    explicit StraceCallAssembler(StraceSink &sink) : m_sink(sink) {}

    // A parsed line (not Unparsed/Info) with its number and time (if any).
    void add(const StraceLine &line, qint64 lineNo, bool hasTime, qint64 timeUs);
    // The trace ended (or strace detached) at endUs: calls still in flight are
    // emitted as unfinished with the time they had waited (endUs - start);
    // unknown (-1) when nothing was seen after the call started.
    void finish(bool hasEndTime, qint64 endUs);
    qsizetype inFlight() const { return m_pending.size(); }

private:
    struct Pending
    {
        QByteArray name;
        QByteArray args;
        qint64 line = 0;
        bool hasTime = false;
        qint64 timeUs = 0;
        bool detached = false;
    };

    void emitCall(StraceCall &call, QByteArrayView retDecoration);
    void emitPending(qint64 pid, const Pending &p, int reason, bool hasEnd, qint64 endUs);

    StraceSink &m_sink;
    StraceFdTracker m_fds;
    QHash<qint64, Pending> m_pending;
    QByteArray m_joined;
    QByteArray m_joinedName;
};
