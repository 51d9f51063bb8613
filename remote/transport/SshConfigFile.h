#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// A light reader of OpenSSH client config files for what libssh does not
// expose: the ProxyJump of a host (libssh's own ProxyJump handling is turned
// off so every hop is verified and authenticated by Casebook) and the concrete
// Host names for fleet patterns. Host and Match (all, host) blocks, Include
// with wildcards, "first value wins" as in OpenSSH. libssh itself applies
// HostName, User, Port, IdentityFile, IdentitiesOnly, ConnectTimeout...
class SshConfigFile
{
public:
    // Reads path, or ~/.ssh/config and /etc/ssh/ssh_config when empty.
    static SshConfigFile load(const QString &path);

    // The first value of keyword (case-insensitive) that applies to host.
    QString value(const QString &host, const QString &keyword) const;
    // Host names without wildcards or negation, in file order, deduplicated.
    QStringList concreteHosts() const;
    // The user's ssh directory (through the passwd database, like libssh).
    static QString userSshDir();

private:
    struct Entry
    {
        QStringList patterns; // Host patterns; {"*"} for global lines
        bool matchAll = false;
        QString keyword;      // lower case
        QString value;
    };
    void read(const QString &path, bool userFile, int depth, QStringList currentPatterns, bool currentMatchAll);
    static bool blockApplies(const Entry &entry, const QString &host);

    QList<Entry> m_entries;
};
