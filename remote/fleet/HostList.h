#pragma once

#include <QString>
#include <QStringList>

// The hosts of a fan-out: names from the command line, lines of a hosts file
// (# comments, blank lines skipped) and ssh_config patterns: an argument with
// * or ? expands to the matching concrete Host entries of the ssh config.
// Duplicates are dropped, order kept. Throws CaseError for an unreadable
// file or a pattern that matches nothing.
namespace HostList {
QStringList resolve(const QStringList &args, const QString &hostsFile, const QString &sshConfigFile);
}
