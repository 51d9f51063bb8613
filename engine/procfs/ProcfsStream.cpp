#include "ProcfsStream.h"

bool ProcfsStream::readToken(QByteArrayView data, QByteArray *token, QByteArray *error, int *format)
{
    const QByteArrayView magic("CASEBOOK-PROCFS 1 ");
    const qsizetype nl = data.indexOf('\n');
    const bool known = data.startsWith("CASEBOOK-PROCFS 1 ") || data.startsWith("CASEBOOK-PROCFS 2 ");
    if (!known || nl < 0) {
        if (error)
            *error = "not a Casebook procfs snapshot (missing CASEBOOK-PROCFS header)";
        return false;
    }
    const QByteArray t = data.mid(magic.size(), nl - magic.size()).toByteArray().trimmed();
    if (t.size() < 8 || t.size() > 64 || t.contains(' ')) {
        if (error)
            *error = "malformed snapshot header";
        return false;
    }
    *token = t;
    if (format)
        *format = data[16] - '0';
    return true;
}

QList<ProcfsStream::Section> ProcfsStream::sections(QByteArrayView data, const QByteArray &token)
{
    QList<Section> out;
    const QByteArray marker = "\n@@" + token + ' ';
    qsizetype pos = data.indexOf(marker);
    while (pos >= 0) {
        const qsizetype headStart = pos + marker.size();
        const qsizetype headEnd = data.indexOf('\n', headStart);
        if (headEnd < 0)
            break; // header cut short
        Section s;
        const QByteArray head = data.mid(headStart, headEnd - headStart).toByteArray();
        const qsizetype sp = head.indexOf(' ');
        s.name = sp < 0 ? head : head.left(sp);
        s.arg = sp < 0 ? QByteArray() : head.mid(sp + 1);
        const qsizetype next = data.indexOf(marker, headEnd);
        const qsizetype bodyEnd = next < 0 ? data.size() : next;
        s.body = data.mid(headEnd + 1, bodyEnd - headEnd - 1).toByteArray();
        out.append(std::move(s));
        pos = next;
    }
    return out;
}

namespace {

// Calls line(text, last) for each non-empty line of body; last: the final
// line had no newline (a stream cut short ends that way).
template<class Fn>
void forEachLine(QByteArrayView body, Fn line)
{
    qsizetype pos = 0;
    while (pos < body.size()) {
        qsizetype nl = body.indexOf('\n', pos);
        const bool last = nl < 0;
        if (last)
            nl = body.size();
        const QByteArrayView text = body.mid(pos, nl - pos);
        pos = nl + 1;
        if (!text.isEmpty())
            line(text, last);
    }
}

void markCutShort(QList<ProcfsStream::File> &out)
{
    if (!out.isEmpty()) // a line cut short at the end of a truncated stream
        out.last().incomplete = true;
}

// Format 2: every line "path\000content$"; consecutive lines of one path make a file.
QList<ProcfsStream::File> prefixedFiles(QByteArrayView body)
{
    QList<ProcfsStream::File> out;
    forEachLine(body, [&](QByteArrayView line, bool last) {
        if (!line.endsWith('$')) {
            if (last)
                markCutShort(out);
            return;
        }
        const QByteArray decoded = ProcfsStream::unescape(line.chopped(1));
        const qsizetype nul = decoded.indexOf('\0');
        if (nul <= 0)
            return; // no path: not a line of ours
        const QByteArrayView path = QByteArrayView(decoded).left(nul);
        if (out.isEmpty() || out.last().path != path) {
            ProcfsStream::File f;
            f.path = path.toByteArray();
            out.append(std::move(f));
        }
        out.last().content += QByteArrayView(decoded).mid(nul + 1);
        out.last().content += '\n';
    });
    return out;
}

// Format 1: a path line, then its content lines, each ending in '$'.
QList<ProcfsStream::File> pathThenContentFiles(QByteArrayView body)
{
    QList<ProcfsStream::File> out;
    forEachLine(body, [&](QByteArrayView line, bool last) {
        if (line.endsWith('$')) {
            if (out.isEmpty())
                return; // content without a path: ignore
            ProcfsStream::File &f = out.last();
            f.content += ProcfsStream::unescape(line.chopped(1));
            f.content += '\n';
        } else if (last) {
            markCutShort(out);
        } else {
            ProcfsStream::File f;
            f.path = line.toByteArray();
            out.append(std::move(f));
        }
    });
    return out;
}

}

QList<ProcfsStream::File> ProcfsStream::files(QByteArrayView body, int format)
{
    return format >= 2 ? prefixedFiles(body) : pathThenContentFiles(body);
}

QByteArray ProcfsStream::unescape(QByteArrayView line)
{
    QByteArray out;
    out.reserve(line.size());
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c != '\\' || i + 1 >= line.size()) {
            out += c;
            continue;
        }
        const char e = line[++i];
        switch (e) {
        case '\\': out += '\\'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        default:
            if (e >= '0' && e <= '7' && i + 2 < line.size() && line[i + 1] >= '0' && line[i + 1] <= '7'
                && line[i + 2] >= '0' && line[i + 2] <= '7') {
                out += char(((e - '0') << 6) | ((line[i + 1] - '0') << 3) | (line[i + 2] - '0'));
                i += 2;
            } else {
                out += '\\';
                out += e;
            }
        }
    }
    return out;
}
