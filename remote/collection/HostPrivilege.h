#pragma once

#include <QString>

// How a host's remote work is to be raised to root (--sudo, --become-method).
// Carried per host by CollectionTarget; empty (std::nullopt there) means the
// login user. The privilege work (sudo/doas, password on stdin) fills this in.
struct HostPrivilege
{
    QString method = QStringLiteral("sudo"); // "sudo" or "doas"
};
