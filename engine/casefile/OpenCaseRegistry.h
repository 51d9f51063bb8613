#pragma once

#include <QString>

// The case files this process holds SQLite connections to. Anything that
// would open a file with a descriptor of its own (an importer, a local pull,
// a hasher) asks first: closing that descriptor would drop every POSIX lock
// the process's connections hold on the case, which is how SQLite databases
// get corrupted. The open case, its -wal, -shm and -journal are refused.
namespace OpenCaseRegistry {
void add(const QString &casePath);
void remove(const QString &casePath);
// True if path is (or is a companion file of) a case open in this process.
bool holds(const QString &path);
// Throws CaseError naming the file when holds(path).
void refuse(const QString &path, const QString &what);
}
