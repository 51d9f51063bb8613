#include "BecomeOptions.h"

QString BecomeOptions::methodName(Method m)
{
    switch (m) {
    case Method::Sudo: return QStringLiteral("sudo");
    case Method::Doas: return QStringLiteral("doas");
    case Method::None: break;
    }
    return QStringLiteral("none");
}

bool BecomeOptions::parseMethod(const QString &text, Method *out)
{
    const QString t = text.trimmed().toLower();
    Method m;
    if (t == QLatin1String("sudo"))
        m = Method::Sudo;
    else if (t == QLatin1String("doas"))
        m = Method::Doas;
    else if (t == QLatin1String("none"))
        m = Method::None;
    else
        return false;
    if (out)
        *out = m;
    return true;
}

QJsonObject BecomeRecord::toJson() const
{
    return QJsonObject{{QStringLiteral("method"), method},
                       {QStringLiteral("login_user"), loginUser},
                       {QStringLiteral("as_user"), asUser},
                       {QStringLiteral("password"), passwordGiven ? QStringLiteral("asked") : QStringLiteral("not needed")}};
}
