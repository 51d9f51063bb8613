#pragma once

#include "StraceCallAssembler.h"
#include "StraceClock.h"
#include "StraceSink.h"

#include <QByteArray>
#include <QString>

// What a StraceStreamParser saw in one log.
struct StraceParseStats
{
    qint64 lines = 0;
    qint64 bytes = 0;
    qint64 unparsed = 0;
    qint64 overlong = 0;          // lines longer than kMaxLineBytes (cut, unparsed)
    qint64 outOfRange = 0;        // lines with an impossible -T duration (dropped) or exit code (saturated)
    bool seenTime[4] = {};        // indexed by StraceLine::TimeKind
    bool seenSecondsOnly = false; // -t rather than -tt
    bool hasDurations = false;
    bool hasTime = false;
    qint64 firstUs = 0;
    qint64 lastUs = 0;
    bool detached = false;
    bool truncatedTail = false;   // the last line had no newline

    // 'none', 't', 'tt', 'ttt', 'r' or 'mixed'.
    QString timeStyle() const;
};

// Streaming strace log parser: feed() bytes as they arrive, in any chunking;
// memory stays bounded by the longest line (cut at kMaxLineBytes) and the
// calls in flight. Lines the parser does not understand (including NUL bytes
// or invalid UTF-8) go to the sink as unparsed, never abort the parse.
class StraceStreamParser
{
public:
    static constexpr qsizetype kMaxLineBytes = 8 << 20;

    explicit StraceStreamParser(StraceSink &sink, const StraceClock &clock = StraceClock());

    // Pid for lines without a pid prefix (from an -ff file suffix); 0 = unknown.
    void setDefaultPid(qint64 pid) { m_defaultPid = pid; }
    void feed(QByteArrayView data);
    // End of input: parses a last line without newline and emits calls still in
    // flight with the time they had waited: until observedUntilUs (when the
    // capture is known to have ended: the collector's stop time on the host,
    // `casectl import --observed-until`) if that is later than the last
    // timestamp; else, when strace detached, until endHintUs (when it stopped
    // writing: the log's modification time) if that is later; else until the
    // last timestamp. 0 = not known. Only for absolute times (not -r).
    void finish(qint64 endHintUs = 0, qint64 observedUntilUs = 0);
    const StraceParseStats &stats() const { return m_stats; }

private:
    void processLine(QByteArrayView line, qint64 fullLength);

    StraceSink &m_sink;
    StraceClock m_clock;
    StraceCallAssembler m_assembler;
    StraceParseStats m_stats;
    StraceLine m_line;
    qint64 m_defaultPid = 0;
    QByteArray m_carry;
    qint64 m_carryLength = 0; // true length of the partial line (m_carry may be cut)
    bool m_finished = false;
};
