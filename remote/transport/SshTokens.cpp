#include "SshTokens.h"

#include <QDir>
#include <QFile>

#include <pwd.h>
#include <unistd.h>

QString SshTokens::homeDir()
{
    const passwd *pw = getpwuid(getuid());
    return pw && pw->pw_dir ? QFile::decodeName(pw->pw_dir) : QDir::homePath();
}

QString SshTokens::localUser()
{
    const passwd *pw = getpwuid(getuid());
    return pw && pw->pw_name ? QString::fromUtf8(pw->pw_name) : QString::fromLocal8Bit(qgetenv("USER"));
}

QString SshTokens::expandTilde(const QString &path)
{
    if (!path.startsWith(QLatin1Char('~')))
        return path;
    const qsizetype slash = path.indexOf(QLatin1Char('/'));
    const QString name = path.mid(1, slash < 0 ? -1 : slash - 1);
    QString home;
    if (name.isEmpty()) {
        home = homeDir();
    } else {
        const QByteArray user = name.toUtf8();
        const passwd *pw = getpwnam(user.constData());
        if (!pw || !pw->pw_dir)
            return path;
        home = QFile::decodeName(pw->pw_dir);
    }
    if (slash < 0)
        return home;
    if (home.endsWith(QLatin1Char('/')))
        home.chop(1);
    return home + path.mid(slash);
}

QString SshTokens::expandPercent(const QString &text, const QHash<QChar, QString> &values, bool withEnvironment)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (withEnvironment && c == QLatin1Char('$') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('{')) {
            const qsizetype close = text.indexOf(QLatin1Char('}'), i + 2);
            if (close > i + 2) {
                out += QString::fromLocal8Bit(qgetenv(text.mid(i + 2, close - i - 2).toLocal8Bit().constData()));
                i = close;
                continue;
            }
        }
        if (c != QLatin1Char('%') || i + 1 >= text.size()) {
            out += c;
            continue;
        }
        const QChar key = text.at(++i);
        if (key == QLatin1Char('%'))
            out += key;
        else if (values.contains(key))
            out += values.value(key);
        else
            out += QString(c) + key;
    }
    return out;
}
