#pragma once

#include <QString>

// Who is collecting: the OS account from the password database
// (getpwuid(geteuid()), not $USER) at the workstation's host name, with an
// optional display name from $CASEBOOK_OPERATOR_NAME or the setting
// operator/displayName (organisation "Casebook", application "casebook").
// Written as "account@host" or "Display Name <account@host>".
class OperatorIdentity
{
public:
    struct Parts
    {
        QString displayName;
        QString account;
        QString host;
    };

    static QString accountName();  // "uid N" when the password database has no entry
    static QString displayName();  // empty when none is configured
    static QString current();
    // Splits either form back into its parts (anything else: all of it is the account).
    static Parts parse(const QString &text);
};
