#include "MergeOrder.h"

namespace MergeOrder {

QList<SchemaIntrospection::Table> order(const QList<SchemaIntrospection::Table> &tables,
                                        const QHash<QString, QSet<QString>> &refTargets)
{
    QSet<QString> names;
    for (const auto &t : tables)
        names.insert(t.name);
    auto dependencies = [&](const SchemaIntrospection::Table &t) {
        QSet<QString> deps = refTargets.value(t.name);
        for (const auto &fk : t.foreignKeys)
            deps.insert(fk.parentTable);
        deps.remove(t.name);
        return deps.intersect(names);
    };
    auto hasTypedRefs = [](const SchemaIntrospection::Table &t) {
        const QStringList cols = t.columnNames();
        return cols.contains(QStringLiteral("ref_kind")) && cols.contains(QStringLiteral("ref_id"));
    };

    QList<SchemaIntrospection::Table> pending = tables, ordered;
    QSet<QString> done;
    while (!pending.isEmpty()) {
        qsizetype pick = -1;
        for (qsizetype i = 0; i < pending.size() && pick < 0; ++i)
            if ((dependencies(pending.at(i)) - done).isEmpty())
                pick = i;
        // A cycle: break it at a table on it without typed references.
        auto onCycle = [&](const SchemaIntrospection::Table &t) {
            QSet<QString> seen;
            QStringList stack = (dependencies(t) - done).values();
            while (!stack.isEmpty()) {
                const QString d = stack.takeLast();
                if (d == t.name)
                    return true;
                if (seen.contains(d))
                    continue;
                seen.insert(d);
                for (const auto &other : pending)
                    if (other.name == d)
                        stack.append((dependencies(other) - done).values());
            }
            return false;
        };
        for (qsizetype i = 0; i < pending.size() && pick < 0; ++i)
            if (!hasTypedRefs(pending.at(i)) && onCycle(pending.at(i)))
                pick = i;
        for (qsizetype i = 0; i < pending.size() && pick < 0; ++i)
            if (!hasTypedRefs(pending.at(i)))
                pick = i;
        if (pick < 0)
            pick = 0;
        done.insert(pending.at(pick).name);
        ordered.append(pending.takeAt(pick));
    }
    return ordered;
}

}
