#include "StraceCallAssembler.h"

#include "StraceLineParser.h"

#include <algorithm>
#include <vector>

StraceSink::~StraceSink() = default;

namespace {

void fillResult(StraceCall &c, const StraceLine &l)
{
    c.hasResult = l.hasResult;
    c.retIsNumber = l.retIsNumber;
    c.ret = l.ret;
    if (l.hasResult && !l.retIsPlain && l.retDecoration.isEmpty())
        c.retText = l.result;
    c.errnoName = l.errnoName;
    c.errnoText = l.errnoText;
}

}

void StraceCallAssembler::emitCall(StraceCall &call, QByteArrayView retDecoration)
{
    if (!StraceLineParser::firstFdDecoration(call.args, call.fd, call.fdPath) && !retDecoration.isEmpty()) {
        call.fd = call.ret;
        call.fdPath = retDecoration;
    }
    m_fds.apply(call);
    m_sink.onCall(call);
}

void StraceCallAssembler::emitPending(qint64 pid, const Pending &p, int reason, bool hasEnd, qint64 endUs)
{
    StraceCall c;
    c.line = p.line;
    c.pid = pid;
    c.hasTime = p.hasTime;
    c.timeUs = p.timeUs;
    c.name = p.name;
    c.args = p.args;
    c.unfinished = reason;
    if (p.hasTime && hasEnd && endUs > p.timeUs) // nothing seen after its start: how long it waited is unknown
        c.durationUs = endUs - p.timeUs;
    emitCall(c, {});
}

void StraceCallAssembler::add(const StraceLine &l, qint64 lineNo, bool hasTime, qint64 timeUs)
{
    switch (l.kind) {
    case StraceLine::Kind::Call: {
        StraceCall c;
        c.line = lineNo;
        c.pid = l.pid;
        c.hasTime = hasTime;
        c.timeUs = timeUs;
        c.name = l.name;
        c.args = l.args;
        c.durationUs = l.durationUs;
        fillResult(c, l);
        emitCall(c, l.retDecoration);
        return;
    }
    case StraceLine::Kind::Unfinished:
    case StraceLine::Kind::Detached: {
        auto it = m_pending.find(l.pid);
        if (it != m_pending.end()) { // a second call in flight: the first one's end was lost
            emitPending(l.pid, *it, StraceCall::TraceEnded, hasTime, timeUs);
            m_pending.erase(it);
        }
        Pending p;
        p.name = l.name.toByteArray();
        p.args = l.args.toByteArray();
        p.line = lineNo;
        p.hasTime = hasTime;
        p.timeUs = timeUs;
        p.detached = l.kind == StraceLine::Kind::Detached;
        m_pending.insert(l.pid, std::move(p));
        return;
    }
    case StraceLine::Kind::Resumed: {
        StraceCall c;
        c.pid = l.pid;
        c.name = l.name;
        c.durationUs = l.durationUs;
        fillResult(c, l);
        auto it = m_pending.find(l.pid);
        if (it != m_pending.end() && QByteArrayView(it->name) == l.name) {
            m_joined = it->args;
            QByteArrayView tailArgs = l.args;
            // strace 5.x writes "<... read resumed> \"abc\", 3)": no doubled space.
            if (tailArgs.trimmed().isEmpty())
                tailArgs = {};
            else if (tailArgs.startsWith(' ') && (m_joined.isEmpty() || m_joined.endsWith(' ')))
                tailArgs = tailArgs.trimmed();
            m_joined += tailArgs;
            m_joinedName = it->name;
            c.line = it->line;
            c.hasTime = it->hasTime;
            c.timeUs = it->timeUs;
            if (c.durationUs < 0 && it->hasTime && hasTime && timeUs >= it->timeUs)
                c.durationUs = timeUs - it->timeUs;
            m_pending.erase(it);
            c.name = m_joinedName;
            c.args = m_joined;
            emitCall(c, l.retDecoration);
            return;
        }
        // Resumed without its start (e.g. strace attached mid-call).
        c.line = lineNo;
        c.args = l.args;
        c.hasTime = hasTime;
        c.timeUs = hasTime && l.durationUs >= 0 ? timeUs - l.durationUs : timeUs;
        emitCall(c, l.retDecoration);
        return;
    }
    case StraceLine::Kind::Signal: {
        StraceCall c;
        c.line = lineNo;
        c.pid = l.pid;
        c.hasTime = hasTime;
        c.timeUs = timeUs;
        c.isSignal = true;
        c.name = l.name;
        c.args = l.args;
        m_sink.onCall(c);
        return;
    }
    case StraceLine::Kind::Exited:
    case StraceLine::Kind::Killed: {
        auto it = m_pending.find(l.pid);
        if (it != m_pending.end()) {
            emitPending(l.pid, *it, StraceCall::ProcessEnded, hasTime, timeUs);
            m_pending.erase(it);
        }
        m_fds.processEnded(l.pid);
        StraceExit x;
        x.line = lineNo;
        x.pid = l.pid;
        x.hasTime = hasTime;
        x.timeUs = timeUs;
        x.killed = l.kind == StraceLine::Kind::Killed;
        x.exitCode = l.exitCode;
        x.signal = l.name;
        x.coreDumped = l.coreDumped;
        m_sink.onExit(x);
        return;
    }
    case StraceLine::Kind::Info:
    case StraceLine::Kind::Unparsed:
        return;
    }
}

void StraceCallAssembler::finish(bool hasEndTime, qint64 endUs)
{
    std::vector<std::pair<qint64, qint64>> order; // (line, pid)
    order.reserve(size_t(m_pending.size()));
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        order.emplace_back(it->line, it.key());
    std::sort(order.begin(), order.end());
    for (const auto &[line, pid] : order) {
        const Pending &p = m_pending[pid];
        emitPending(pid, p, p.detached ? StraceCall::Detached : StraceCall::TraceEnded, hasEndTime, endUs);
    }
    m_pending.clear();
}
