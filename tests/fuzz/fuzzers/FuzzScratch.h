#pragma once

#include <QByteArrayView>
#include <QString>

// A per-process scratch directory for fuzzers whose code under test reads
// files (known_hosts, ssh config, case files, strace -ff directories). It is
// removed when the process exits normally; a crashing run leaves it behind
// in the temp directory for inspection. HOME and XDG_CONFIG_HOME point into
// it so that nothing a fuzzer does (e.g. remembering a case as sound) touches
// the user's configuration.
class FuzzScratch
{
public:
    static FuzzScratch &instance();

    QString path(const QString &name) const;
    // Writes bytes to name (a plain file name) and returns its path.
    QString write(const QString &name, QByteArrayView bytes) const;
    // An empty directory name (removed and made again); returns its path.
    QString freshDir(const QString &name) const;
    // Removes the case file name with its -wal, -shm and -journal files.
    void removeCase(const QString &name) const;
    // A new empty case at name (a copy of one created once per process,
    // which is much faster than creating one); returns its path.
    QString freshCase(const QString &name) const;

private:
    FuzzScratch();
    QString m_root;
};
