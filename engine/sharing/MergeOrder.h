#pragma once

#include "SchemaIntrospection.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

// The order in which merge copies tables: every table after the tables its
// foreign keys (declared or listed in schema_references) and its typed
// references (ref_kind/ref_id, as the source's data uses them) point into, so
// those ids are already mapped. A cycle (kernel_log_lines.event_id -> events,
// events.ref_id -> kernel_log_lines) is broken at a table without typed
// references; its columns pointing forward are filled in after the last table.
namespace MergeOrder {
// refTargets: table -> tables its typed references point into.
QList<SchemaIntrospection::Table> order(const QList<SchemaIntrospection::Table> &tables,
                                        const QHash<QString, QSet<QString>> &refTargets);
}
