#include "HostHistory.h"

#include "transport/SshConfigFile.h"

#include <QSettings>

namespace HostHistory {

QStringList suggestions()
{
    QStringList out{QStringLiteral("local")};
    for (const QString &h : QSettings().value(QStringLiteral("collect/hosts")).toStringList())
        if (!out.contains(h))
            out << h;
    try {
        for (const QString &h : SshConfigFile::load(QString()).concreteHosts())
            if (!out.contains(h))
                out << h;
    } catch (...) {
        // An unreadable ssh config only costs the suggestions.
    }
    return out;
}

void remember(const QStringList &hosts)
{
    QStringList l = QSettings().value(QStringLiteral("collect/hosts")).toStringList();
    for (const QString &h : hosts) {
        l.removeAll(h);
        l.prepend(h);
    }
    while (l.size() > 50)
        l.removeLast();
    QSettings().setValue(QStringLiteral("collect/hosts"), l);
}

}
