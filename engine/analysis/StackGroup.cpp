#include "StackGroup.h"

namespace {
QString top(const QMap<QString, int> &m)
{
    QString best;
    int n = -1;
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        if (it.value() > n) {
            n = it.value();
            best = it.key();
        }
    return best;
}
}

QString StackGroup::topComm() const { return top(comms); }
QString StackGroup::topWchan() const { return top(wchans); }
