#include "StraceLogSearch.h"

#include "StraceQuery.h"
#include "StraceStreamParser.h"
#include "casefile/ArtifactReader.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace {

constexpr QByteArrayView kUnfinished(" <unfinished ...>");
constexpr int kBatch = 20000; // calls checked per query

// Number of '\n' in [p, p + n).
qint64 countNewlines(const char *p, qsizetype n)
{
    qint64 count = 0;
    qsizetype i = 0;
#ifdef __SSE2__
    const __m128i newline = _mm_set1_epi8('\n');
    while (n - i >= 16) {
        __m128i acc = _mm_setzero_si128(); // per byte lane: newlines seen (at most 255 rounds)
        const qsizetype rounds = qMin<qsizetype>((n - i) / 16, 255);
        for (qsizetype k = 0; k < rounds; ++k, i += 16)
            acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i)), newline));
        const __m128i sums = _mm_sad_epu8(acc, _mm_setzero_si128());
        count += _mm_cvtsi128_si64(sums) + _mm_extract_epi16(sums, 4);
    }
#endif
    for (; i < n; ++i)
        count += p[i] == '\n';
    return count;
}

// Lines of the log that may hold (part of) a matching call's text, as a bitset.
class LineScanner
{
public:
    LineScanner(QByteArrayView pattern, qint64 lines)
        : m_pattern(pattern), m_searcher(pattern.begin(), pattern.end()), m_unfinished(kUnfinished.begin(), kUnfinished.end()),
          m_bits(size_t(lines / 64 + 2), 0)
    {
    }

    void feed(QByteArrayView data)
    {
        const char *p = data.data();
        const char *e = p + data.size();
        if (!m_carry.isEmpty() || m_discarding) { // finish the line cut by the last chunk
            const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(e - p)));
            const char *stop = nl ? nl : e;
            if (!m_discarding) {
                m_carry.append(p, stop - p);
                if (m_carry.size() > StraceStreamParser::kMaxLineBytes) { // overlong: unparsed, never a call
                    m_carry.clear();
                    m_discarding = true;
                }
            }
            if (!nl)
                return;
            if (!m_discarding) {
                m_carry.append('\n');
                region(m_carry.constData(), m_carry.size(), true);
            } else
                ++m_line;
            m_carry.clear();
            m_discarding = false;
            p = nl + 1;
        }
        const char *lastNl = static_cast<const char *>(memrchr(p, '\n', size_t(e - p)));
        if (lastNl) {
            region(p, lastNl + 1 - p, false);
            p = lastNl + 1;
        }
        m_carry.append(p, e - p);
        if (m_carry.size() > StraceStreamParser::kMaxLineBytes) {
            m_carry.clear();
            m_discarding = true;
        }
    }

    void finish()
    {
        if (!m_carry.isEmpty())
            region(m_carry.constData(), m_carry.size(), true); // the last line, without newline
        m_carry.clear();
    }

    bool test(qint64 line) const
    {
        const size_t i = size_t(line >> 6);
        return i < m_bits.size() && (m_bits[i] >> (line & 63)) & 1;
    }
    bool overflowed() const { return m_overflow; }

private:
    void mark(qint64 line)
    {
        const size_t i = size_t(line >> 6);
        if (i >= m_bits.size()) {
            m_overflow = true; // more lines than the trace says: not this trace's log
            return;
        }
        m_bits[i] |= quint64(1) << (line & 63);
    }

    // Complete lines [p, p + n) (the last may lack its newline when
    // single); the first is line m_line + 1. One pass in text order over the
    // hits of the pattern and of " <unfinished ...>", counting newlines
    // between them.
    void region(const char *p, qsizetype n, bool single)
    {
        const char *e = p + n;
        auto find = [e](const char *from, const auto &searcher) { return from < e ? std::search(from, e, searcher) : e; };
        const bool straddling = m_pattern.size() > 1;
        const char *counted = p;
        qint64 line = m_line + 1;
        const char *hit = find(p, m_searcher);
        const char *split = straddling ? find(p, m_unfinished) : e;
        while (hit < e || split < e) {
            if (hit <= split) {
                line += countNewlines(counted, hit - counted);
                mark(line);
                const char *nl = static_cast<const char *>(std::memchr(hit, '\n', size_t(e - hit)));
                if (!nl) {
                    counted = e;
                    break; // the rest is this line, marked
                }
                ++line;
                counted = nl + 1;
                hit = find(counted, m_searcher);
                if (split < counted)
                    split = find(counted, m_unfinished);
            } else {
                // Calls split across an unfinished and a resumed line have
                // their args joined: the pattern may straddle the join. Such
                // start lines are candidates when their text ends with the
                // start of the pattern.
                line += countNewlines(counted, split - counted);
                counted = split;
                if (straddles(QByteArrayView(p, split - p)))
                    mark(line);
                split = find(split + kUnfinished.size(), m_unfinished);
            }
        }
        line += countNewlines(counted, e - counted);
        m_line = single ? m_line + 1 : line - 1;
    }

    // True when head (the text before " <unfinished ...>") may end with a
    // proper prefix of the pattern, spaces at the join ignored.
    bool straddles(QByteArrayView head) const
    {
        while (!head.isEmpty() && head.back() == ' ')
            head.chop(1);
        for (qsizetype k = 1; k < m_pattern.size(); ++k) {
            QByteArrayView x = m_pattern.first(k);
            while (!x.isEmpty() && x.back() == ' ')
                x.chop(1);
            if (x.isEmpty() || head.endsWith(x))
                return true;
        }
        return false;
    }

    QByteArrayView m_pattern;
    std::boyer_moore_horspool_searcher<const char *> m_searcher;
    std::boyer_moore_horspool_searcher<const char *> m_unfinished;
    std::vector<quint64> m_bits;
    QByteArray m_carry;
    bool m_discarding = false;
    bool m_overflow = false;
    qint64 m_line = 0; // lines completed so far
};

bool readVarint(const uchar *&p, const uchar *e, quint64 &v)
{
    v = 0;
    for (int shift = 0; p < e && shift < 64; shift += 7) {
        const uchar b = *p++;
        v |= quint64(b & 0x7f) << shift;
        if (!(b & 0x80))
            return true;
    }
    return false;
}

qint64 unzigzag(quint64 v)
{
    return qint64(v >> 1) ^ -qint64(v & 1);
}

} // namespace

QString StraceLogSearch::rowMatchesSql()
{
    return QStringLiteral("(instr(c.args, ?2) > 0 OR instr(c.syscall, ?2) > 0 OR instr(COALESCE(c.fd_path, ''), ?2) > 0 "
                          "OR instr(COALESCE(c.ret_text, ''), ?2) > 0 OR instr(COALESCE(c.errno, ''), ?2) > 0)");
}

bool StraceLogSearch::candidates(const Trace &t, const QByteArray &pattern, QList<std::pair<qint64, qint64>> &out) const
{
    out.clear();
    if (t.calls == 0)
        return true;
    if (pattern.isEmpty() || t.artifactId <= 0 || t.lines <= 0)
        return false;
    const auto art = ArtifactReader(m_db).info(t.artifactId);
    if (!art || !art->complete || art->truncated || art->size != t.bytes)
        return false;
    {
        SqliteStatement st = m_db.prepare(QStringLiteral("SELECT COALESCE(SUM(calls), 0) FROM strace_line_map WHERE trace_id = ?"));
        st.bind(1, t.id);
        if (!st.step() || st.int64(0) != t.calls)
            return false;
    }
    LineScanner scan(QByteArrayView(pattern), t.lines);
    ArtifactReader(m_db).forEachChunk(t.artifactId, [&](QByteArrayView chunk) {
        scan.feed(chunk);
        return true;
    });
    scan.finish();
    if (scan.overflowed())
        return false;
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT first_call_id, calls, map FROM strace_line_map WHERE trace_id = ? ORDER BY first_call_id"));
    st.bind(1, t.id);
    qint64 seen = 0;
    while (st.step()) {
        qint64 id = st.int64(0);
        const qint64 n = st.int64(1);
        const QByteArrayView map = st.blobView(2);
        const uchar *p = reinterpret_cast<const uchar *>(map.data());
        const uchar *e = p + map.size();
        qint64 line = 0;
        for (qint64 i = 0; i < n; ++i) {
            quint64 dId, dLine, completedAfter;
            if (!readVarint(p, e, dId) || !readVarint(p, e, dLine) || !readVarint(p, e, completedAfter))
                return false;
            id += unzigzag(dId);
            line += unzigzag(dLine);
            if (id < t.firstCallId || id > t.lastCallId || line <= 0 || line > t.lines || completedAfter > quint64(t.lines))
                return false;
            if (scan.test(line) || scan.test(line + qint64(completedAfter)))
                out.append({line, id});
        }
        seen += n;
    }
    if (seen != t.calls)
        return false;
    std::sort(out.begin(), out.end());
    return true;
}

QList<qint64> StraceLogSearch::rowScan(const Trace &t, const QString &pattern, int limit) const
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT c.id FROM strace_calls c WHERE c.id BETWEEN ?3 AND ?4 AND c.trace_id = ?1 AND %1 ORDER BY c.line LIMIT ?5")
                                          .arg(rowMatchesSql()));
    st.bind(1, t.id).bind(2, pattern).bind(3, t.firstCallId).bind(4, t.lastCallId).bind(5, limit);
    QList<qint64> ids;
    while (st.step())
        ids.append(st.int64(0));
    return ids;
}

QList<StraceCallRow> StraceLogSearch::grep(const QString &pattern, int limit) const
{
    QList<StraceCallRow> out;
    if (limit <= 0)
        return out;
    QList<Trace> traces;
    {
        SqliteStatement st = m_db.prepare(QStringLiteral(
            "SELECT id, COALESCE(artifact_id, 0), calls, lines, bytes, COALESCE(first_call_id, 0), COALESCE(last_call_id, 0) "
            "FROM strace_traces t WHERE (?1 = 0 OR t.collection_id = ?1) AND t.first_call_id IS NOT NULL ORDER BY t.id"));
        st.bind(1, m_collectionId);
        while (st.step())
            traces.append({st.int64(0), st.int64(1), st.int64(2), st.int64(3), st.int64(4), st.int64(5), st.int64(6)});
    }
    const QByteArray utf8 = pattern.toUtf8();
    QList<std::pair<qint64, qint64>> found;
    for (const Trace &t : traces) {
        const int want = limit - int(out.size());
        if (want <= 0)
            break;
        if (!candidates(t, utf8, found)) {
            out += m_query.callsWithText(rowScan(t, pattern, want), pattern, want);
            continue;
        }
        QList<qint64> ids;
        ids.reserve(found.size());
        for (const auto &[line, id] : found)
            ids.append(id);
        QList<StraceCallRow> rows;
        bool consistent = true;
        for (qsizetype from = 0; from < ids.size() && consistent && rows.size() < want; from += kBatch) {
            const qsizetype to = qMin(ids.size(), from + kBatch);
            const QList<StraceCallRow> batch = m_query.callsWithText(ids.mid(from, to - from), pattern, want - int(rows.size()));
            // Each row must be the call the map put on that line (a map
            // copied without its calls, e.g. by a merge, is not trusted).
            qsizetype at = from;
            for (const StraceCallRow &v : batch) {
                const qint64 id = v.callId;
                while (at < to && ids[at] != id)
                    ++at;
                if (at == to || v.line != found[at].first || v.traceId != t.id) {
                    consistent = false;
                    break;
                }
                rows.append(v);
            }
        }
        if (!consistent)
            rows = m_query.callsWithText(rowScan(t, pattern, want), pattern, want);
        out += rows;
    }
    return out;
}
