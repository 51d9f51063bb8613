#include "StraceLineParser.h"

#include "util/TimeLimits.h"

#include <cstring>
#include <limits>

namespace {

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }
inline bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || isUpper(c) || isDigit(c) || c == '_' || c == '?';
}

constexpr qint64 kDayUs = 86400LL * 1000000;
// Largest count of seconds (epoch, -r delta, -T duration) taken as real.
constexpr qint64 kMaxSeconds = TimeLimits::kMaxEpochSeconds;

// Cursor over [p, end).
struct Cursor
{
    const char *p;
    const char *end;

    bool atEnd() const { return p >= end; }
    char peek() const { return p < end ? *p : '\0'; }
    void skipSpaces()
    {
        while (p < end && (*p == ' ' || *p == '\t'))
            ++p;
    }
    bool startsWith(const char *lit, size_t n) const
    {
        return size_t(end - p) >= n && std::memcmp(p, lit, n) == 0;
    }
    bool eat(const char *lit, size_t n)
    {
        if (!startsWith(lit, n))
            return false;
        p += n;
        return true;
    }
    // Up to 18 decimal digits; returns false if none.
    bool digits(qint64 &v, int *count = nullptr)
    {
        const char *s = p;
        qint64 r = 0;
        while (p < end && isDigit(*p) && p - s < 18) {
            r = r * 10 + (*p - '0');
            ++p;
        }
        if (count)
            *count = int(p - s);
        v = r;
        return p > s;
    }
};

bool endsWith(const char *b, const char *e, const char *lit, size_t n)
{
    return size_t(e - b) >= n && std::memcmp(e - n, lit, n) == 0;
}

QByteArrayView view(const char *b, const char *e) { return QByteArrayView(b, e - b); }

void trimRight(const char *b, const char *&e)
{
    while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
        --e;
}

// Microseconds of a fraction given as up to 9 digits (more are ignored).
bool fraction(Cursor &c, qint64 &us)
{
    qint64 v = 0;
    int n = 0;
    const char *s = c.p;
    while (!c.atEnd() && isDigit(c.peek())) {
        if (n < 6) {
            v = v * 10 + (c.peek() - '0');
            ++n;
        }
        ++c.p;
    }
    if (c.p == s)
        return false;
    while (n < 6) {
        v *= 10;
        ++n;
    }
    us = v;
    return true;
}

// hh:mm:ss[.frac] | secs.frac ; leaves the cursor after it.
bool timestamp(Cursor &c, StraceLine &out)
{
    Cursor save = c;
    qint64 a = 0;
    int n = 0;
    if (!c.digits(a, &n))
        return false;
    if (c.peek() == ':' && n <= 2) {
        qint64 m = 0, s = 0;
        ++c.p;
        if (!c.digits(m, &n) || n != 2 || c.peek() != ':')
            return (c = save), false;
        ++c.p;
        if (!c.digits(s, &n) || n != 2 || a > 23 || m > 59 || s > 60)
            return (c = save), false;
        qint64 us = 0;
        if (c.peek() == '.') {
            ++c.p;
            if (!fraction(c, us))
                return (c = save), false;
            out.timeHasFraction = true;
        }
        out.timeKind = StraceLine::TimeKind::TimeOfDay;
        out.timeUs = qMin(((a * 60 + m) * 60 + s) * 1000000 + us, kDayUs - 1);
        // -t -r together: "11:40:07 (+     0.000184) "
        Cursor r = c;
        r.skipSpaces();
        if (r.eat("(+", 2)) {
            r.skipSpaces();
            qint64 secs = 0, f = 0;
            if (r.digits(secs) && r.peek() == '.' && (++r.p, fraction(r, f)) && r.peek() == ')') {
                ++r.p;
                c = r;
            }
        }
        return true;
    }
    if (c.peek() == '.') {
        ++c.p;
        qint64 us = 0;
        if (!fraction(c, us) || a > kMaxSeconds)
            return (c = save), false;
        out.timeHasFraction = true;
        // strace -ttt prints the epoch (1e9 and more); -r small relative deltas.
        out.timeKind = a >= 100000000 ? StraceLine::TimeKind::Epoch : StraceLine::TimeKind::Relative;
        out.timeUs = a * 1000000 + us;
        return true;
    }
    c = save;
    return false;
}

// Parses "= RESULT [ERRNO (text)]" content in [b, e) (after "= ").
void result(const char *b, const char *e, StraceLine &out)
{
    trimRight(b, e);
    out.hasResult = true;
    out.result = view(b, e);
    Cursor c{b, e};
    bool neg = false;
    bool hex = false;
    if (c.peek() == '-') {
        neg = true;
        ++c.p;
    }
    if (c.startsWith("0x", 2)) {
        hex = true;
        c.p += 2;
        quint64 v = 0;
        const char *s = c.p;
        while (!c.atEnd() && c.p - s < 16) {
            const char ch = c.peek();
            int d;
            if (isDigit(ch))
                d = ch - '0';
            else if (ch >= 'a' && ch <= 'f')
                d = ch - 'a' + 10;
            else if (ch >= 'A' && ch <= 'F')
                d = ch - 'A' + 10;
            else
                break;
            v = (v << 4) | quint64(d);
            ++c.p;
        }
        if (c.p > s) {
            out.retIsNumber = true;
            out.ret = qint64(neg ? 0 - v : v); // two's complement, as the kernel's long (no signed overflow)
        }
    } else if (isDigit(c.peek())) {
        qint64 v = 0;
        c.digits(v);
        if (!c.atEnd() && isDigit(c.peek())) { // more than 18 digits: keep as text only
            out.retIsNumber = false;
            return;
        }
        out.retIsNumber = true;
        out.ret = neg ? -v : v;
    } else if (c.peek() == '?') {
        ++c.p;
    } else {
        return;
    }
    if (c.atEnd()) {
        out.retIsPlain = out.retIsNumber && !hex; // keep "0x7f..." as printed
        return;
    }
    if (out.retIsNumber && c.peek() == '<') { // -y: "3</etc/passwd>"
        const qsizetype n = StraceLineParser::decorationLength(view(c.p + 1, e));
        if (n >= 0) {
            out.retDecoration = view(c.p + 1, c.p + 1 + n);
            c.p += n + 2;
        }
        return;
    }
    if (c.peek() != ' ')
        return;
    c.skipSpaces();
    if (c.peek() == 'E' && c.p + 1 < e && isUpper(c.p[1])) {
        const char *s = c.p;
        while (!c.atEnd() && (isUpper(c.peek()) || isDigit(c.peek()) || c.peek() == '_'))
            ++c.p;
        if (c.atEnd() || c.peek() == ' ') {
            const char *re = s;
            trimRight(b, re);
            out.result = view(b, re);
            out.retIsPlain = out.retIsNumber && !hex;
            out.errnoName = view(s, c.p);
            c.skipSpaces();
            if (c.peek() == '(' && e[-1] == ')')
                out.errnoText = view(c.p + 1, e - 1);
        }
    }
}

// The part after "name(" or "resumed>": args, then ") = result", then " <dur>".
bool tail(const char *b, const char *e, StraceLine &out)
{
    trimRight(b, e);
    // -T: " <0.000123>" (or " <unavailable>").
    if (e > b && e[-1] == '>') {
        const char *lt = e - 1;
        while (lt > b && *lt != '<' && (e - lt) < 40)
            --lt;
        if (*lt == '<' && lt > b && lt[-1] == ' ') {
            Cursor c{lt + 1, e - 1};
            qint64 secs = 0, us = 0;
            if (c.digits(secs) && c.peek() == '.' && (++c.p, fraction(c, us)) && c.atEnd()) {
                if (secs <= kMaxSeconds)
                    out.durationUs = secs * 1000000 + us;
                else
                    out.outOfRange = true; // no call lasts millennia: dropped, the line still counts
                e = lt;
                trimRight(b, e);
            } else if (view(lt, e) == QByteArrayView("<unavailable>")) {
                e = lt;
                trimRight(b, e);
            }
        }
    }
    // The last "<spaces>= " preceded by ')': everything before is arguments.
    for (const char *q = e - 1; q > b; --q) {
        if (*q != '=' || !(q + 1 == e || q[1] == ' '))
            continue;
        const char *r = q - 1;
        if (*r != ' ')
            continue;
        while (r > b && *r == ' ')
            --r;
        if (*r != ')')
            continue;
        out.args = view(b, r);
        result(q + 1 < e ? q + 2 : e, e, out);
        return true;
    }
    return false;
}

bool body(Cursor c, StraceLine &out)
{
    const char *b = c.p;
    const char *e = c.end;
    if (c.eat("--- ", 4)) {
        if (!endsWith(c.p, e, " ---", 4))
            return false;
        const char *ie = e - 4;
        if (c.eat("stopped by ", 11)) {
            out.name = view(c.p, ie);
            out.args = QByteArrayView("stopped");
        } else {
            const char *s = c.p;
            while (c.p < ie && *c.p != ' ')
                ++c.p;
            out.name = view(s, c.p);
            c.skipSpaces();
            out.args = view(qMin(c.p, ie), ie);
        }
        if (!out.name.startsWith("SIG"))
            return false;
        out.kind = StraceLine::Kind::Signal;
        return true;
    }
    if (c.eat("+++ ", 4)) {
        if (!endsWith(c.p, e, " +++", 4))
            return false;
        Cursor in{c.p, e - 4};
        if (in.eat("exited with ", 12)) {
            qint64 code = 0;
            const bool neg = in.eat("-", 1);
            if (!in.digits(code) || !in.atEnd())
                return false;
            if (code > std::numeric_limits<int>::max()) { // exit statuses are 0..255
                code = std::numeric_limits<int>::max();
                out.outOfRange = true;
            }
            out.exitCode = int(neg ? -code : code);
            out.kind = StraceLine::Kind::Exited;
            return true;
        }
        if (in.eat("killed by ", 10)) {
            const char *s = in.p;
            while (!in.atEnd() && in.peek() != ' ')
                ++in.p;
            out.name = view(s, in.p);
            in.skipSpaces();
            if (in.eat("(core dumped)", 13))
                out.coreDumped = true;
            if (out.name.isEmpty())
                return false;
            out.kind = StraceLine::Kind::Killed;
            return true;
        }
        return false;
    }
    if (c.eat("<... ", 5)) {
        const char *s = c.p;
        while (!c.atEnd() && isNameChar(c.peek()))
            ++c.p;
        out.name = view(s, c.p);
        if (out.name.isEmpty() || !c.eat(" resumed>", 9))
            return false;
        out.kind = StraceLine::Kind::Resumed;
        return tail(c.p, e, out);
    }
    if (c.startsWith("strace: ", 8) || c.startsWith("[ Process PID=", 14)) {
        out.kind = StraceLine::Kind::Info;
        out.args = view(b, e);
        return true;
    }
    const char *s = c.p;
    while (!c.atEnd() && isNameChar(c.peek()))
        ++c.p;
    if (c.p == s || c.peek() != '(')
        return false;
    out.name = view(s, c.p);
    ++c.p;
    const char *ae = e;
    trimRight(c.p, ae);
    bool detached = false;
    bool pending = false;
    if (endsWith(c.p, ae, "<unfinished ...>", 16)) {
        ae -= 16;
        pending = true;
    } else if (endsWith(c.p, ae, "<detached ...>", 14)) {
        ae -= 14;
        pending = detached = true;
    }
    if (pending) {
        if (ae > c.p && ae[-1] == ' ')
            --ae; // strace writes one space before the marker
        out.args = view(c.p, ae);
        out.kind = detached ? StraceLine::Kind::Detached : StraceLine::Kind::Unfinished;
        return true;
    }
    out.kind = StraceLine::Kind::Call;
    return tail(c.p, e, out);
}

} // namespace

qsizetype StraceLineParser::decorationLength(QByteArrayView text)
{
    int depth = 0;  // [ ] of socket:[N], TCP:[a->b]
    int angles = 0; // -yy nests: "/dev/null<char 1:3>"
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (ch == '[')
            ++depth;
        else if (ch == ']' && depth > 0)
            --depth;
        else if (depth == 0 && ch == '<')
            ++angles;
        else if (depth == 0 && ch == '>') {
            if (angles == 0)
                return i;
            --angles;
        }
    }
    return -1;
}

bool StraceLineParser::firstFdDecoration(QByteArrayView args, qint64 &fd, QByteArrayView &decoration)
{
    const char *b = args.data();
    const char *e = b + args.size();
    for (const char *p = b; p < e;) {
        const char *lt = static_cast<const char *>(std::memchr(p, '<', size_t(e - p)));
        if (!lt)
            return false;
        const char *d = lt;
        while (d > b && isDigit(d[-1]) && lt - d < 10)
            --d;
        p = lt + 1;
        if (d == lt || (d > b && (isNameChar(d[-1]) || d[-1] == '-' || d[-1] == '.')))
            continue;
        const qsizetype n = decorationLength(view(lt + 1, e));
        if (n < 0)
            return false;
        qint64 v = 0;
        for (const char *q = d; q < lt; ++q)
            v = v * 10 + (*q - '0');
        fd = v;
        decoration = view(lt + 1, lt + 1 + n);
        return true;
    }
    return false;
}

bool StraceLineParser::parse(QByteArrayView line, StraceLine &out)
{
    out.clear();
    Cursor c{line.data(), line.data() + line.size()};
    if (!c.p)
        return false;
    while (c.end > c.p && (c.end[-1] == '\r' || c.end[-1] == ' '))
        --c.end;
    // Pid prefix: "[pid  123] " on a terminal, "123   " with -o.
    if (c.eat("[pid", 4)) {
        c.skipSpaces();
        if (!c.digits(out.pid) || !c.eat("]", 1))
            return (out.kind = StraceLine::Kind::Unparsed), false;
        c.skipSpaces();
    } else if (isDigit(c.peek())) {
        Cursor d = c;
        qint64 pid = 0;
        int n = 0;
        if (d.digits(pid, &n) && n <= 10 && d.peek() == ' ') {
            out.pid = pid;
            c = d;
            c.skipSpaces();
        }
    }
    c.skipSpaces();
    if (isDigit(c.peek())) {
        if (!timestamp(c, out) || (!c.atEnd() && c.peek() != ' '))
            return (out.kind = StraceLine::Kind::Unparsed), false;
        c.skipSpaces();
    }
    if (!body(c, out)) {
        const qint64 pid = out.pid;
        out.clear();
        out.pid = pid;
        out.kind = StraceLine::Kind::Unparsed;
        return false;
    }
    return true;
}
