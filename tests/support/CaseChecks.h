#pragma once

#include <QString>
#include <QStringList>

// Checks of a case file's health that several tests share.
namespace CaseChecks {
// Files of the case (CASE, CASE-wal, CASE-shm) this process still holds
// descriptors to after they were unlinked behind its back: what another
// process deleting the WAL under an open connection looks like.
QStringList deletedDescriptors(const QString &casePath);
// Empty when the case passes PRAGMA integrity_check and casectl's verify (the
// audit chain complete, every artifact matching its recorded hash); else what failed.
QString soundnessProblems(const QString &casePath);
// This process's peak resident set (VmHWM), in KiB.
qint64 peakRssKiB();
}
