#pragma once

#include "procfs/SnapshotStore.h"

#include <QCommandLineParser>

class SqliteDatabase;

// The snapshot a command works on: --snapshot ID, or the latest snapshot of
// --host NAME, or the latest of all. Shared by tasks and stacks.
namespace SnapshotSelection {
void addOptions(QCommandLineParser &parser);
SnapshotInfo resolve(SqliteDatabase &db, const QCommandLineParser &parser);
}
