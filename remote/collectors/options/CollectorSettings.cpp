#include "CollectorSettings.h"

QList<qint64> CollectorSettings::pids(const QString &name) const
{
    const QVariant v = value(name);
    if (v.metaType() == QMetaType::fromType<QList<qint64>>())
        return v.value<QList<qint64>>();
    QList<qint64> out;
    for (const QVariant &x : v.toList())
        out << x.toLongLong();
    return out;
}
