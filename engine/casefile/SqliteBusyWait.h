#pragma once

#include <QElapsedTimer>
#include <QString>
#include <functional>

struct sqlite3;

// SQLite's busy handler for one connection: when another process holds the
// case's write lock, wait (backing off up to 50 ms a try) for at most
// limitMs(), announce the wait once it passes a second, then give up with
// SQLITE_BUSY, which the statement turns into a message naming the wait.
class SqliteBusyWait
{
public:
    using Reporter = std::function<void(const QString &path, qint64 waitedMs)>;

    SqliteBusyWait(sqlite3 *db, QString path);
    SqliteBusyWait(const SqliteBusyWait &) = delete;
    SqliteBusyWait &operator=(const SqliteBusyWait &) = delete;

    // (Re)installs this wait as db's busy handler.
    void install(sqlite3 *db);

    // How long a writer waits for another process's lock: 60 s, or
    // CASEBOOK_LOCK_WAIT_MS from the environment.
    static qint64 limitMs();
    // Process-wide: called (on the waiting thread) once per wait that passes 1 s.
    static void setReporter(Reporter reporter);
    // The message for a statement that failed with SQLITE_BUSY.
    static QString busyMessage(const QString &path);

private:
    static int handler(void *self, int count);

    QString m_path;
    QElapsedTimer m_waiting;
    bool m_reported = false;
};
