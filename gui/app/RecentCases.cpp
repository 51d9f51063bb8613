#include "RecentCases.h"

#include <QFileInfo>
#include <QSettings>

namespace {
const QString kKey = QStringLiteral("recentCases");
}

QStringList RecentCases::list()
{
    QStringList out;
    for (const QString &p : QSettings().value(kKey).toStringList())
        if (QFileInfo::exists(p))
            out.append(p);
    return out;
}

void RecentCases::add(const QString &path)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    QStringList l = QSettings().value(kKey).toStringList();
    l.removeAll(abs);
    l.prepend(abs);
    while (l.size() > kMax)
        l.removeLast();
    QSettings().setValue(kKey, l);
}

void RecentCases::remove(const QString &path)
{
    QStringList l = QSettings().value(kKey).toStringList();
    l.removeAll(QFileInfo(path).absoluteFilePath());
    QSettings().setValue(kKey, l);
}

void RecentCases::clear()
{
    QSettings().remove(kKey);
}
