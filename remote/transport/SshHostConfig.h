#pragma once

#include <QString>
#include <QStringList>

// The settings ssh would use for one host, resolved from the client config
// as OpenSSH does (first obtained value of each keyword across every
// matching Host and Match block; IdentityFile and CertificateFile
// accumulate), with defaults filled in and tokens expanded. The names and
// spellings follow `ssh -G`.
struct SshHostConfig
{
    enum class StrictHostKeyChecking { Ask, Yes, AcceptNew, No };

    QString alias;          // the host as given (ssh -G "host")
    QString hostName;       // HostName with %h expanded, lower case
    int port = 22;
    QString user;           // remote user: command line, User, else the local user
    QStringList identityFiles;          // as written (ssh -G), OpenSSH's defaults when none is set
    QStringList identityFilesExpanded;  // ~, %-tokens and ${VAR} expanded
    bool identityFilesConfigured = false;
    bool identitiesOnly = false;
    QStringList certificateFiles;         // as written
    QStringList certificateFilesExpanded;
    QStringList userKnownHostsFiles;      // expanded; the first receives new keys
    QStringList globalKnownHostsFiles;
    StrictHostKeyChecking strictHostKeyChecking = StrictHostKeyChecking::Ask;
    bool hashKnownHosts = false;
    int connectTimeoutSeconds = -1; // -1: none
    int serverAliveInterval = 0;
    int serverAliveCountMax = 3;
    QString proxyJump;              // empty: none
    QStringList ignored;            // Match criteria Casebook cannot evaluate (never match)

    // ssh -G's spelling: ask, true, accept-new, false.
    static QString strictName(StrictHostKeyChecking value);
};
