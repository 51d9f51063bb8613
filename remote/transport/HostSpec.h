#pragma once

#include <QString>

// A host as the user names it: 'local', an ssh_config alias, or
// [user@]host[:port] (IPv6 literals in brackets: [::1]:2222). Only what the
// user wrote is filled in; ssh_config supplies the rest.
struct HostSpec
{
    QString user;   // empty: from ssh_config or the local user
    QString host;   // name, alias or address
    int port = 0;   // 0: from ssh_config or 22

    // Throws std::invalid_argument on an unusable spec (empty host, bad port).
    static HostSpec parse(const QString &spec);
    QString toString() const;
};
