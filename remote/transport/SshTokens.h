#pragma once

#include <QHash>
#include <QString>

// OpenSSH's expansions in config values: '~' and '~user' at the start of a
// path (tilde_expand_filename), %-tokens (percent_expand: %% and the letters
// given) and ${VAR} environment variables.
class SshTokens
{
public:
    static QString expandTilde(const QString &path);
    // Letters missing from values are left as written; an unset ${VAR}
    // expands to nothing.
    static QString expandPercent(const QString &text, const QHash<QChar, QString> &values, bool withEnvironment);
    // The passwd home and name of the current user (as OpenSSH finds them).
    static QString homeDir();
    static QString localUser();
};
