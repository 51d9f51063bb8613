#include "CliContext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

CliContext::CliContext()
    : m_out(stdout), m_err(stderr)
{
}

void CliContext::printJson(const QJsonValue &value)
{
    QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    m_out.flush();
}

void CliContext::error(const QString &message)
{
    m_err << "casectl: error: " << safe(message) << '\n';
    m_err.flush();
}

void CliContext::warning(const QString &message)
{
    m_err << "casectl: warning: " << safe(message) << '\n';
    m_err.flush();
}

QString CliContext::safe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\n')
            out += QLatin1String("\\n");
        else if (u == u'\t')
            out += c;
        else if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))
            out += QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}
