#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// One line of an OpenSSH client config split as ssh does: the keyword ends
// at whitespace or '=' (lower-cased), the rest is split into arguments with
// "double" or 'single' quotes, backslash escapes (\\ \" \' and "\ "), and a
// '#' starting an argument ends the line.
struct SshConfigLine
{
    QString keyword;   // lower case
    QStringList args;

    // nullopt for blank lines, comments and lines with a keyword but no
    // argument (which ssh rejects) or an unterminated quote.
    static std::optional<SshConfigLine> parse(const QString &line);
};
