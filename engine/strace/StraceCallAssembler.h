#pragma once

#include "StraceLine.h"
#include "StraceSink.h"

#include <QByteArray>
#include <QHash>

// Joins '<unfinished ...>' with its '<... name resumed>' (per pid) and hands
// complete calls, signals and exits to the sink. Memory is bounded by the
// number of processes with a call in flight.
class StraceCallAssembler
{
public:
    explicit StraceCallAssembler(StraceSink &sink) : m_sink(sink) {}

    // A parsed line (not Unparsed/Info) with its number and time (if any).
    void add(const StraceLine &line, qint64 lineNo, bool hasTime, qint64 timeUs);
    // The trace ended (or strace detached) at endUs: calls still in flight are
    // emitted as unfinished with the time they had waited.
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
    QHash<qint64, Pending> m_pending;
    QByteArray m_joined;
    QByteArray m_joinedName;
};
