#pragma once

#include "SshHostConfig.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// An OpenSSH client config (with its Includes), resolved for a host the way
// ssh resolves it: lines are read in file order; Host and Match blocks
// (Match all, host, originalhost, user, localuser, final, canonical, with
// !negation) switch lines on and off; the first obtained value of each
// keyword wins, IdentityFile and CertificateFile accumulate. Include
// (wildcards, relative to ~/.ssh or /etc/ssh; at most 16 deep, 256 files
// and 4 MiB per load) is read where it stands and
// only applies inside an active block. Match exec, localnetwork, tagged,
// version and command never match (they are listed in
// SshHostConfig::ignored).
class SshConfigFile
{
public:
    // Reads path, or ~/.ssh/config and /etc/ssh/ssh_config when empty.
    static SshConfigFile load(const QString &path);

    // What ssh -G would print for alias; user and port as typed (they win).
    SshHostConfig resolve(const QString &alias, const QString &user = {}, int port = 0) const;
    // The first obtained value of keyword for host, its arguments joined by spaces.
    QString value(const QString &host, const QString &keyword) const;
    // Host names without wildcards or negation, in file order, deduplicated.
    QStringList concreteHosts() const;
    // The user's ssh directory (through the passwd database, like libssh).
    static QString userSshDir();

private:
    struct Directive
    {
        enum class Kind { Host, Match, Option, IncludeBegin, IncludeEnd };
        Kind kind = Kind::Option;
        QString keyword; // lower case (options)
        QStringList args;
    };
    struct Obtained
    {
        QHash<QString, QStringList> first;
        QStringList identityFiles;
        QStringList certificateFiles;
        QStringList ignored;
        bool wantFinal = false;
    };
    void read(const QString &path, bool userFile, int depth);
    void walk(Obtained &obtained, const QString &alias, bool finalPass) const;
    bool matchApplies(const QStringList &args, const Obtained &obtained, const QString &alias, bool finalPass,
                      QStringList &ignored, bool &wantFinal) const;
    static bool patternListMatches(const QStringList &patterns, const QString &name);
    static QString matchHost(const Obtained &obtained, const QString &alias);

    QList<Directive> m_directives;
    int m_filesRead = 0;   // by this load, includes counted (bounded)
    qint64 m_bytesRead = 0;
};
