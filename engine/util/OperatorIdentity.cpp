#include "OperatorIdentity.h"

#include <QRegularExpression>
#include <QSettings>
#include <QSysInfo>

#include <pwd.h>
#include <unistd.h>

#include <vector>

QString OperatorIdentity::accountName()
{
    const uid_t uid = geteuid();
    long size = sysconf(_SC_GETPW_R_SIZE_MAX);
    std::vector<char> buf(size > 0 ? size_t(size) : 16384);
    passwd pw{};
    passwd *found = nullptr;
    if (getpwuid_r(uid, &pw, buf.data(), buf.size(), &found) == 0 && found && found->pw_name && *found->pw_name)
        return QString::fromLocal8Bit(found->pw_name);
    return QStringLiteral("uid %1").arg(uid);
}

QString OperatorIdentity::displayName()
{
    QString name = qEnvironmentVariable("CASEBOOK_OPERATOR_NAME");
    if (name.trimmed().isEmpty())
        name = QSettings(QStringLiteral("Casebook"), QStringLiteral("casebook")).value(QStringLiteral("operator/displayName")).toString();
    // One plain line, without the brackets that delimit the account.
    QString clean;
    for (const QChar c : name)
        if (c.isPrint() && c != QLatin1Char('<') && c != QLatin1Char('>'))
            clean += c;
    return clean.simplified().left(100);
}

QString OperatorIdentity::current()
{
    const QString principal = accountName() + QLatin1Char('@') + QSysInfo::machineHostName();
    const QString name = displayName();
    return name.isEmpty() ? principal : QStringLiteral("%1 <%2>").arg(name, principal);
}

OperatorIdentity::Parts OperatorIdentity::parse(const QString &text)
{
    static const QRegularExpression named(QStringLiteral("^(.*\\S)\\s*<([^<>]*)>$"));
    Parts p;
    QString principal = text.trimmed();
    if (const auto m = named.match(principal); m.hasMatch()) {
        p.displayName = m.captured(1).trimmed();
        principal = m.captured(2).trimmed();
    }
    const qsizetype at = principal.lastIndexOf(QLatin1Char('@'));
    p.account = at < 0 ? principal : principal.left(at);
    p.host = at < 0 ? QString() : principal.mid(at + 1);
    return p;
}
