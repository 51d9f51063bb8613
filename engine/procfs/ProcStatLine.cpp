#include "ProcStatLine.h"

#include <QList>

bool ProcStatLine::parse(QByteArrayView text, ProcStatLine *out)
{
    const qsizetype open = text.indexOf('(');
    const qsizetype close = text.lastIndexOf(')');
    if (open <= 0 || close < open)
        return false;
    bool ok = false;
    out->pid = text.left(open).trimmed().toLongLong(&ok);
    if (!ok)
        return false;
    out->comm = QString::fromUtf8(text.mid(open + 1, close - open - 1));
    const QList<QByteArray> f = text.mid(close + 1).toByteArray().simplified().split(' ');
    // f[0] = state (field 3), f[1] = ppid (4), utime = 14, stime = 15,
    // num_threads = 20, starttime = 22  => index = field - 3.
    if (f.size() < 20 || f[0].size() != 1)
        return false;
    out->state = QString::fromLatin1(f[0]);
    out->ppid = f[1].toLongLong();
    out->utime = f[11].toLongLong();
    out->stime = f[12].toLongLong();
    out->threads = f[17].toLongLong();
    out->startTicks = f[19].toLongLong();
    return true;
}
