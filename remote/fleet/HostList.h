#pragma once

#include "transport/BecomeOptions.h"

#include <QHash>
#include <QString>
#include <QStringList>

// The hosts of a fan-out: names from the command line, lines of a hosts file
// (# comments, blank lines skipped) and ssh_config patterns: an argument with
// * or ? expands to the matching concrete Host entries of the ssh config.
// Duplicates are dropped, order kept. Throws CaseError for an unreadable
// file or a pattern that matches nothing.
//
// In a hosts file, a word "become=sudo|doas|none" after a host sets how that
// host's work runs as root (see --sudo), for every host a pattern expands to:
//   db1.example become=sudo
//   web-* become=doas
//   legacy become=none      # even when --sudo is given
// With `become` null such words are refused (a command without --sudo).
namespace HostList {
QStringList resolve(const QStringList &args, const QString &hostsFile, const QString &sshConfigFile,
                    QHash<QString, BecomeOptions> *become = nullptr);
}
