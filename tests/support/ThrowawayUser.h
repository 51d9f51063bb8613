#pragma once

#include <QString>

// A real, throwaway local account for tests that need a non-root login (the
// sudo tests): created with useradd (name "cbt<pid><n>", shell /bin/sh, no
// home), optionally with a password (set through chpasswd's stdin) and a
// sudoers.d drop-in (checked with visudo -cf). The destructor kills the
// account's processes by pid, removes the drop-in and deletes the account.
// Needs root.
class ThrowawayUser
{
public:
    ThrowawayUser() = default;
    ~ThrowawayUser();
    ThrowawayUser(const ThrowawayUser &) = delete;
    ThrowawayUser &operator=(const ThrowawayUser &) = delete;

    // False with *error set when the account or its sudoers rule cannot be made.
    bool create(const QString &password = {}, QString *error = nullptr);
    // Writes /etc/sudoers.d/<name> with `rule` ("%u" stands for the name),
    // e.g. "%u ALL=(root) NOPASSWD: ALL". Empty removes it.
    bool setSudoRule(const QString &rule, QString *error = nullptr);
    void remove();

    QString name() const { return m_name; }
    int uid() const { return m_uid; }
    QString sudoersPath() const;

private:
    QString m_name;
    int m_uid = -1;
};
