#include "StraceStreamParser.h"

#include "StraceLineParser.h"

#include <cstring>

namespace {

// True when the bytes hold no NUL and are valid UTF-8 (fast path for ASCII).
bool isCleanText(QByteArrayView s)
{
    const char *p = s.data();
    const char *e = p + s.size();
    quint64 high = 0;
    bool nul = false;
    while (e - p >= 8) {
        quint64 w;
        std::memcpy(&w, p, 8);
        high |= w;
        nul |= ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL) != 0;
        p += 8;
    }
    for (; p < e; ++p) {
        high |= quint64(quint8(*p));
        nul |= *p == 0;
    }
    if (nul)
        return false;
    if (!(high & 0x8080808080808080ULL))
        return true;
    return s.isValidUtf8();
}

}

QString StraceParseStats::timeStyle() const
{
    int kinds = 0;
    QString style = QStringLiteral("none");
    if (seenTime[int(StraceLine::TimeKind::TimeOfDay)]) {
        ++kinds;
        style = seenSecondsOnly ? QStringLiteral("t") : QStringLiteral("tt");
    }
    if (seenTime[int(StraceLine::TimeKind::Epoch)]) {
        ++kinds;
        style = QStringLiteral("ttt");
    }
    if (seenTime[int(StraceLine::TimeKind::Relative)]) {
        ++kinds;
        style = QStringLiteral("r");
    }
    return kinds > 1 ? QStringLiteral("mixed") : style;
}

StraceStreamParser::StraceStreamParser(StraceSink &sink, const StraceClock &clock)
    : m_sink(sink), m_clock(clock), m_assembler(sink)
{
}

void StraceStreamParser::feed(QByteArrayView data)
{
    m_stats.bytes += data.size();
    const char *p = data.data();
    const char *e = p + data.size();
    while (p < e) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(e - p)));
        const char *stop = nl ? nl : e;
        const qsizetype n = stop - p;
        if (m_carryLength == 0 && nl) {
            processLine(QByteArrayView(p, qMin(n, kMaxLineBytes)), n); // the common case: no copy
        } else {
            const qsizetype room = kMaxLineBytes - m_carry.size();
            if (room > 0)
                m_carry.append(p, qMin(room, n));
            m_carryLength += n;
            if (nl) {
                processLine(m_carry, m_carryLength);
                m_carry.clear();
                if (m_carry.capacity() > (1 << 20))
                    m_carry.squeeze();
                m_carryLength = 0;
            }
        }
        p = nl ? nl + 1 : e;
    }
}

void StraceStreamParser::finish(qint64 endHintUs, qint64 observedUntilUs)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_carryLength > 0) {
        m_stats.truncatedTail = true;
        // strace on a terminal leaves a blocked call's line open: "flock(11, LOCK_EX".
        StraceLine probe;
        if (m_carryLength == m_carry.size() && !StraceLineParser::parse(m_carry, probe)) {
            QByteArray open = m_carry + " <unfinished ...>";
            if (StraceLineParser::parse(open, probe) && probe.kind == StraceLine::Kind::Unfinished) {
                m_carry = std::move(open);
                m_carryLength = m_carry.size();
            }
        }
        processLine(m_carry, m_carryLength);
        m_carry.clear();
        m_carryLength = 0;
    }
    qint64 endUs = m_stats.lastUs;
    const bool absolute = !m_stats.seenTime[int(StraceLine::TimeKind::Relative)];
    constexpr qint64 kDayUs = 86400LL * 1000000;
    // strace writes "<detached ...>" when it lets go, so then the log's last
    // write (endHintUs) is when the wait was last seen; otherwise the wait is
    // known only up to the last timestamp.
    if (m_stats.hasTime && absolute && observedUntilUs > endUs)
        endUs = observedUntilUs;
    else if (m_stats.detached && m_stats.hasTime && absolute && endHintUs > endUs && endHintUs - endUs < kDayUs)
        endUs = endHintUs;
    m_assembler.finish(m_stats.hasTime, endUs);
}

void StraceStreamParser::processLine(QByteArrayView line, qint64 fullLength)
{
    const qint64 lineNo = ++m_stats.lines;
    if (fullLength > line.size()) {
        ++m_stats.overlong;
        ++m_stats.unparsed;
        m_sink.onUnparsed(lineNo, line, fullLength);
        return;
    }
    if (line.isEmpty())
        return;
    if (!StraceLineParser::parse(line, m_line) || !isCleanText(line)) {
        ++m_stats.unparsed;
        m_sink.onUnparsed(lineNo, line, fullLength);
        return;
    }
    if (m_line.pid == 0)
        m_line.pid = m_defaultPid;
    if (m_line.outOfRange)
        ++m_stats.outOfRange;
    bool hasTime = false;
    qint64 us = 0;
    if (m_line.timeKind != StraceLine::TimeKind::None) {
        m_stats.seenTime[int(m_line.timeKind)] = true;
        if (m_line.timeKind == StraceLine::TimeKind::TimeOfDay && !m_line.timeHasFraction)
            m_stats.seenSecondsOnly = true;
        hasTime = m_clock.timeOf(m_line, us);
        if (hasTime) {
            if (!m_stats.hasTime)
                m_stats.firstUs = us;
            m_stats.hasTime = true;
            m_stats.lastUs = qMax(m_stats.lastUs, us);
        }
    }
    if (m_line.durationUs >= 0)
        m_stats.hasDurations = true;
    if (m_line.kind == StraceLine::Kind::Detached)
        m_stats.detached = true;
    m_assembler.add(m_line, lineNo, hasTime, us);
}
